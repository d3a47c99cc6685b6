using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>Adds an initiative (tiltak) with owner, phase and the sub-goals it serves.</summary>
public sealed record AddInitiative(
    string Code, string Name, string? Owner, string? Phase, IReadOnlyList<string>? SubGoals, string? Goal,
    IReadOnlyList<string>? Aliases, string? Description) : ICommand<RoadmapEditResult>;

public sealed class AddInitiativeValidator : AbstractValidator<AddInitiative>
{
    public AddInitiativeValidator()
    {
        RuleFor(x => x.Code).Must(c => RoadmapCodes.CodeProblem(RoadmapCodes.Normalise(c ?? "")) is null)
            .WithMessage(x => RoadmapCodes.CodeProblem(RoadmapCodes.Normalise(x.Code ?? "")) ?? "");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Oppgi navnet.").MaximumLength(400);
        RuleFor(x => x.Owner).MaximumLength(200);
        RuleFor(x => x.Phase).Must(p => string.IsNullOrWhiteSpace(p) || RoadmapEdits.TryPhase(p, out _))
            .WithMessage(x => $"Ukjent fase «{x.Phase}». {RoadmapEdits.PhaseHelp}");
        RuleFor(x => x.Description).MaximumLength(4000);
    }
}

public sealed class AddInitiativeHandler(PortfolioDbContext db, CaseLinker? linker, AuditTrail audit, RoadmapNames? itemNames = null) : ICommandHandler<AddInitiative, RoadmapEditResult>
{
    public async ValueTask<RoadmapEditResult> Handle(AddInitiative command, CancellationToken cancellationToken)
    {
        var code = RoadmapCodes.Normalise(command.Code);
        await RoadmapEdits.EnsureNewCodeAsync(db, code, cancellationToken);
        var initiative = new Initiative
        {
            Code = code, Name = command.Name.Trim(),
            SortOrder = await db.Initiatives.Select(i => (int?)i.SortOrder).MaxAsync(cancellationToken) + 1 ?? 1,
        };
        var changes = new List<ItemChange> { new(code, "opprettet", null, initiative.Name) };
        await RoadmapEdits.ApplyNamesAsync(db, initiative, null, command.Description, command.Aliases ?? [], changes, cancellationToken, itemNames);
        await RoadmapEdits.ApplyInitiativeAsync(db, initiative, command.Owner, command.Phase, null, command.Goal, command.SubGoals,
            changes, cancellationToken);
        db.Initiatives.Add(initiative);
        return await RoadmapEdits.SaveAsync(db, linker, initiative, null, changes, audit, true, cancellationToken);
    }
}
