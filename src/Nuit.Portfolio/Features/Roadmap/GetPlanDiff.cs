using FluentValidation;
using Mediator;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>Compares two plan years (either may be the current, live one): added, removed and changed items, moved milestones, changed targets.</summary>
public sealed record GetPlanDiff(int From, int To) : IQuery<PlanDiff>;

public sealed class GetPlanDiffValidator : AbstractValidator<GetPlanDiff>
{
    public GetPlanDiffValidator() =>
        RuleFor(x => x.To).NotEqual(x => x.From).WithMessage("Oppgi to forskjellige planår, f.eks. 2025 og 2026.");
}

public sealed class GetPlanDiffHandler(PortfolioDbContext db) : IQueryHandler<GetPlanDiff, PlanDiff>
{
    public async ValueTask<PlanDiff> Handle(GetPlanDiff query, CancellationToken cancellationToken) =>
        await PlanDiffs.BetweenAsync(db, query.From, query.To, cancellationToken);
}

/// <summary>The diff between two plan years, for the query and the workbook export alike.</summary>
internal static class PlanDiffs
{
    public static async Task<PlanDiff> BetweenAsync(PortfolioDbContext db, int from, int to, CancellationToken ct) =>
        PlanComparer.Compare(await PlanSnapshots.LoadAsync(db, from, ct), await PlanSnapshots.LoadAsync(db, to, ct));
}
