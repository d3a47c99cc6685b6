using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>Adds a milestone (leveranse) to an initiative. Dates are ISO (yyyy-MM-dd); any may be left out.</summary>
public sealed record AddMilestone(
    string Initiative, string Name, string? Planned = null, string? Forecast = null, string? Actual = null, string? Source = null) : ICommand<MilestoneEditResult>;

public sealed record MilestoneEditResult(int Id, string Initiative, string Name, DateOnly? Planned, DateOnly? Forecast, DateOnly? Actual,
    string? Source, Guid Version, IReadOnlyList<ItemChange> Changes);

public sealed class AddMilestoneValidator : AbstractValidator<AddMilestone>
{
    public AddMilestoneValidator()
    {
        RuleFor(x => x.Initiative).NotEmpty().WithMessage("Oppgi tiltaket, f.eks. SFM.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Oppgi hva som skal leveres.").MaximumLength(400);
        RuleFor(x => x.Source).MaximumLength(400);
    }
}

public sealed class AddMilestoneHandler(PortfolioDbContext db, AuditTrail audit) : ICommandHandler<AddMilestone, MilestoneEditResult>
{
    public async ValueTask<MilestoneEditResult> Handle(AddMilestone command, CancellationToken cancellationToken)
    {
        var initiative = await RoadmapEdits.FindAsync<Initiative>(db, command.Initiative, cancellationToken);
        if (initiative.RetiredAt is not null)
            throw new InputException("forespørselen", "felt initiative", $"tiltaket {initiative.Code} er avviklet; det får ikke nye milepæler.");
        var m = new Milestone { Name = command.Name.Trim(), InitiativeId = initiative.Id, Source = RoadmapEdits.Blank(command.Source) };
        var changes = new List<ItemChange> { new(initiative.Code, $"milepæl «{RoadmapEdits.Short(m.Name)}»", null, "opprettet") };
        RoadmapEdits.ApplyDate(m, "planned", "planlagt", command.Planned, x => x.PlannedDate, (x, v) => x.PlannedDate = v, initiative.Code, changes);
        RoadmapEdits.ApplyDate(m, "forecast", "prognose", command.Forecast, x => x.ForecastDate, (x, v) => x.ForecastDate = v, initiative.Code, changes);
        RoadmapEdits.ApplyDate(m, "actual", "faktisk", command.Actual, x => x.ActualDate, (x, v) => x.ActualDate = v, initiative.Code, changes);
        var now = audit.Now;
        if (RoadmapEdits.MilestoneProblem(m.PlannedDate, m.ActualDate, DateOnly.FromDateTime(now.UtcDateTime)) is { } problem)
            throw new InputException("forespørselen", $"felt {problem.Field}", problem.Reason);
        db.Milestones.Add(m);
        RoadmapEdits.Record(audit, changes);
        await db.SaveChangesAsync(cancellationToken);
        return new MilestoneEditResult(m.Id, initiative.Code, m.Name, m.PlannedDate, m.ForecastDate, m.ActualDate, m.Source, m.Version, changes);
    }
}
