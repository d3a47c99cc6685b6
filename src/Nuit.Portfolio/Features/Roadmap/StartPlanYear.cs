using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>
/// Starts a new plan year: the current plan (the live roadmap) is frozen as a snapshot under its own year,
/// and the live roadmap, unchanged, becomes the new year's plan. Edits from now on belong to the new year,
/// and «plan diff» shows them against the frozen one (ADR 8).
/// </summary>
public sealed record StartPlanYear(int Year, string? PlanName = null) : ICommand<PlanYearResult>;

public sealed record PlanYearResult(int Year, string PlanName, int ClosedYear, string ClosedPlanName, int Items, int Milestones, int Targets);

public sealed class StartPlanYearValidator : AbstractValidator<StartPlanYear>
{
    public StartPlanYearValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage(x => $"{x.Year} er ikke et planår.");
        RuleFor(x => x.PlanName).MaximumLength(200);
    }
}

public sealed class StartPlanYearHandler(PortfolioDbContext db, AuditTrail audit) : ICommandHandler<StartPlanYear, PlanYearResult>
{
    public async ValueTask<PlanYearResult> Handle(StartPlanYear command, CancellationToken cancellationToken)
    {
        var strategy = await db.Strategies.OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Det finnes ingen strategi ennå.");
        if (strategy.PlanYear is not { } current)
            throw new InputException("forespørselen", "felt year", "strategien har ikke noe gjeldende planår å kopiere.");
        if (command.Year <= current)
            throw new InputException("forespørselen", "felt year", $"gjeldende plan er {strategy.PlanName ?? current.ToString(RoadmapEdits.Iso)}; et nytt planår må komme etter {current}.");
        if (command.Year > strategy.LastYear)
            throw new InputException("forespørselen", "felt year", $"strategien gjelder til {strategy.LastYear}.");

        var currentName = strategy.PlanName ?? $"Plan for realisering {current}";
        var snapshot = await PlanSnapshots.CaptureAsync(db, current, currentName, cancellationToken);
        db.PlanVersions.Add(new PlanVersion
        {
            PlanYear = current, PlanName = currentName, Snapshot = PlanSnapshots.Serialize(snapshot),
            ClosedAt = audit.Now, ClosedBy = audit.User.Name,
        });
        strategy.PlanYear = command.Year;
        strategy.PlanName = RoadmapEdits.Blank(command.PlanName) ?? $"Plan for realisering {command.Year}";
        await db.SaveChangesAsync(cancellationToken);
        return new PlanYearResult(command.Year, strategy.PlanName, current, currentName, snapshot.Items.Count, snapshot.Milestones.Count, snapshot.Targets.Count);
    }
}
