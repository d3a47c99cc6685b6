using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Strategy;

namespace Nuit.Portfolio.Features.Status;

/// <summary>
/// Adds a milestone to an initiative or updates its dates (matched by name). Only the dates given are
/// changed, so a new forecast leaves the planned date alone and the slip shows.
/// </summary>
public sealed record SetMilestone(
    string Initiative, string Name, DateOnly? Planned = null, DateOnly? Forecast = null, DateOnly? Actual = null, string? Source = null)
    : ICommand<MilestoneDto>;

public sealed class SetMilestoneValidator : AbstractValidator<SetMilestone>
{
    public SetMilestoneValidator()
    {
        RuleFor(x => x.Initiative).NotEmpty().WithMessage("Oppgi koden til tiltaket, f.eks. SFM.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Milepælen må ha et navn.").MaximumLength(400);
        RuleFor(x => x.Source).MaximumLength(200);
    }
}

public sealed class SetMilestoneHandler(PortfolioDbContext db, AuditTrail audit) : ICommandHandler<SetMilestone, MilestoneDto>
{
    public async ValueTask<MilestoneDto> Handle(SetMilestone command, CancellationToken cancellationToken)
    {
        var code = command.Initiative.Trim().ToUpperInvariant();
        var initiative = await db.Initiatives.Include(i => i.Milestones).FirstOrDefaultAsync(i => i.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Finner ikke tiltaket «{command.Initiative}».");
        var name = command.Name.Trim();
        var milestone = initiative.Milestones.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        if (milestone is null)
        {
            milestone = new Milestone { Name = name };
            initiative.Milestones.Add(milestone);
        }
        var subject = $"milepæl {name}";
        static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (command.Planned is { } p) { audit.Record(code, subject, "planlagt", Iso(milestone.PlannedDate), Iso(p)); milestone.PlannedDate = p; }
        if (command.Forecast is { } f) { audit.Record(code, subject, "prognose", Iso(milestone.ForecastDate), Iso(f)); milestone.ForecastDate = f; }
        if (command.Actual is { } a) { audit.Record(code, subject, "faktisk", Iso(milestone.ActualDate), Iso(a)); milestone.ActualDate = a; }
        if (command.Source is { Length: > 0 } s) { audit.Record(code, subject, "kilde", milestone.Source, s); milestone.Source = s; }
        await db.SaveChangesAsync(cancellationToken);
        return new MilestoneDto(milestone.Name, milestone.PlannedDate, milestone.ForecastDate, milestone.ActualDate, milestone.IsSlipped, milestone.Source);
    }
}
