using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Strategy;

public sealed record GetInitiative(string Code) : IQuery<InitiativeDetail>;

public sealed record InitiativeDetail(
    string Code, string Name, string? Description, IReadOnlyList<string> Aliases, string? Owner, string? Phase, string Status,
    string? Goal, IReadOnlyList<string> SubGoals, bool Retired, IReadOnlyList<MilestoneDto> Milestones);

/// <summary>Dates are ISO (yyyy-MM-dd) in the API; a slip is a forecast later than planned.</summary>
public sealed record MilestoneDto(string Name, DateOnly? Planned, DateOnly? Forecast, DateOnly? Actual, bool Slipped, string? Source);

public sealed class GetInitiativeValidator : AbstractValidator<GetInitiative>
{
    public GetInitiativeValidator() =>
        RuleFor(x => x.Code).NotEmpty().WithMessage("Oppgi koden til tiltaket, f.eks. SFM.").MaximumLength(40);
}

public sealed class GetInitiativeHandler(PortfolioDbContext db) : IQueryHandler<GetInitiative, InitiativeDetail>
{
    public async ValueTask<InitiativeDetail> Handle(GetInitiative query, CancellationToken cancellationToken)
    {
        var code = query.Code.Trim().ToUpperInvariant();
        var i = await db.Initiatives.AsNoTracking()
            .Include(x => x.SubGoals).Include(x => x.Goal).Include(x => x.Milestones)
            .FirstOrDefaultAsync(x => x.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Finner ikke tiltaket «{query.Code}».");
        var s = i.ToSummary();
        return new InitiativeDetail(
            s.Code, s.Name, i.Description, s.Aliases, s.Owner, s.Phase, s.Status, s.Goal, s.SubGoals, s.Retired,
            [.. i.Milestones.OrderBy(m => m.PlannedDate ?? m.ForecastDate ?? DateOnly.MaxValue)
                .Select(m => new MilestoneDto(m.Name, m.PlannedDate, m.ForecastDate, m.ActualDate, m.IsSlipped, m.Source))]);
    }
}
