using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Indicators;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>
/// Moves or renames a milestone, or records that it was delivered. Dates: null keeps, empty clears,
/// otherwise yyyy-MM-dd. With the version seen, a stale edit fails as a conflict instead of overwriting.
/// </summary>
public sealed record EditMilestone(
    int Id, string? Name = null, string? Planned = null, string? Forecast = null, string? Actual = null, string? Source = null,
    Guid? ExpectedVersion = null) : ICommand<MilestoneEditResult>;

public sealed class EditMilestoneValidator : AbstractValidator<EditMilestone>
{
    public EditMilestoneValidator()
    {
        RuleFor(x => x.Id).GreaterThan(0).WithMessage("Oppgi milepælens nummer (se nuit milestones list KODE).");
        RuleFor(x => x.Name).Must(n => n is null || n.Trim().Length > 0).WithMessage("Navnet kan ikke være tomt.").MaximumLength(400);
        RuleFor(x => x.Source).MaximumLength(400);
    }
}

public sealed class EditMilestoneHandler(PortfolioDbContext db, AuditTrail audit) : ICommandHandler<EditMilestone, MilestoneEditResult>
{
    public async ValueTask<MilestoneEditResult> Handle(EditMilestone command, CancellationToken cancellationToken)
    {
        var m = await db.Milestones.Include(x => x.Initiative).FirstOrDefaultAsync(x => x.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException($"Finner ikke milepæl nummer {command.Id}.");
        var code = m.Initiative!.Code;
        var changes = new List<ItemChange>();
        if (command.Name is { } name && RoadmapEdits.Track(changes, code, $"milepæl «{RoadmapEdits.Short(m.Name)}» navn", m.Name, name.Trim())) m.Name = name.Trim();
        RoadmapEdits.ApplyDate(m, "planned", "planlagt", command.Planned, x => x.PlannedDate, (x, v) => x.PlannedDate = v, code, changes);
        RoadmapEdits.ApplyDate(m, "forecast", "prognose", command.Forecast, x => x.ForecastDate, (x, v) => x.ForecastDate = v, code, changes);
        RoadmapEdits.ApplyDate(m, "actual", "faktisk", command.Actual, x => x.ActualDate, (x, v) => x.ActualDate = v, code, changes);
        if (command.Source is not null && RoadmapEdits.Track(changes, code, $"milepæl «{RoadmapEdits.Short(m.Name)}» kilde", m.Source, RoadmapEdits.Blank(command.Source)))
            m.Source = RoadmapEdits.Blank(command.Source);
        var now = audit.Now;
        if (RoadmapEdits.MilestoneProblem(m.PlannedDate, m.ActualDate, DateOnly.FromDateTime(now.UtcDateTime)) is { } problem)
            throw new InputException("forespørselen", $"felt {problem.Field}", problem.Reason);
        if (changes.Count > 0)
        {
            db.ExpectVersion(m, command.ExpectedVersion);
            RoadmapEdits.Record(audit, changes);
            await db.SaveChangesAsync(cancellationToken);
        }
        return new MilestoneEditResult(m.Id, code, m.Name, m.PlannedDate, m.ForecastDate, m.ActualDate, m.Source, m.Version, changes);
    }
}
