using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>
/// Edits an initiative. The code is stable and cannot change; a new name keeps the history (ChangeRecords
/// are keyed by code). Null leaves a field as it is; an empty owner, phase or description clears it;
/// aliases and sub-goals, when given, replace the whole list.
/// </summary>
public sealed record EditInitiative(
    string Code, string? Name = null, string? Owner = null, string? Phase = null, string? Status = null,
    IReadOnlyList<string>? SubGoals = null, string? Goal = null, IReadOnlyList<string>? Aliases = null, string? Description = null,
    Guid? ExpectedVersion = null) : ICommand<RoadmapEditResult>;

public sealed class EditInitiativeValidator : AbstractValidator<EditInitiative>
{
    public EditInitiativeValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Oppgi koden til tiltaket, f.eks. SFM.").MaximumLength(RoadmapCodes.MaxLength);
        RuleFor(x => x.Name).Must(n => n is null || n.Trim().Length > 0).WithMessage("Navnet kan ikke være tomt.").MaximumLength(400);
        RuleFor(x => x.Owner).MaximumLength(200);
        RuleFor(x => x.Phase).Must(p => string.IsNullOrWhiteSpace(p) || RoadmapEdits.TryPhase(p, out _))
            .WithMessage(x => $"Ukjent fase «{x.Phase}». {RoadmapEdits.PhaseHelp}");
        RuleFor(x => x.Status).Must(s => s is null || RoadmapEdits.StatusOf(s) is not null)
            .WithMessage(x => $"Ukjent status «{x.Status}». Bruk aktiv, fullført eller satt på vent.");
        RuleFor(x => x.Description).MaximumLength(4000);
    }
}

public sealed class EditInitiativeHandler(PortfolioDbContext db, CaseLinker? linker, AuditTrail audit, RoadmapNames? itemNames = null) : ICommandHandler<EditInitiative, RoadmapEditResult>
{
    public async ValueTask<RoadmapEditResult> Handle(EditInitiative command, CancellationToken cancellationToken)
    {
        var initiative = await RoadmapEdits.FindAsync<Initiative>(db, command.Code, cancellationToken);
        await db.Entry(initiative).Collection(i => i.SubGoals).LoadAsync(cancellationToken);
        var changes = new List<ItemChange>();
        var names = await RoadmapEdits.ApplyNamesAsync(db, initiative, command.Name, command.Description, command.Aliases, changes, cancellationToken, itemNames);
        await RoadmapEdits.ApplyInitiativeAsync(db, initiative, command.Owner, command.Phase, command.Status, command.Goal, command.SubGoals,
            changes, cancellationToken);
        return await RoadmapEdits.SaveAsync(db, linker, initiative, command.ExpectedVersion, changes,
            audit, names, cancellationToken);
    }
}
