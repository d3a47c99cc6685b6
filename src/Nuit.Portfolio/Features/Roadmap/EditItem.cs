using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>
/// Edits what every item has: name, description and aliases (goals and sub-goals have nothing more). With
/// <see cref="Kind"/> the item must be of that kind, so «subgoals edit SFM» is refused rather than obeyed.
/// The code never changes.
/// </summary>
public sealed record EditItem(
    string Code, RoadmapItemKind? Kind = null, string? Name = null, string? Description = null, IReadOnlyList<string>? Aliases = null,
    Guid? ExpectedVersion = null) : ICommand<RoadmapEditResult>;

public sealed class EditItemValidator : AbstractValidator<EditItem>
{
    public EditItemValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Oppgi koden.").MaximumLength(RoadmapCodes.MaxLength);
        RuleFor(x => x.Name).Must(n => n is null || n.Trim().Length > 0).WithMessage("Navnet kan ikke være tomt.").MaximumLength(400);
        RuleFor(x => x.Description).MaximumLength(4000);
    }
}

public sealed class EditItemHandler(PortfolioDbContext db, CaseLinker? linker, AuditTrail audit, RoadmapNames? itemNames = null) : ICommandHandler<EditItem, RoadmapEditResult>
{
    public async ValueTask<RoadmapEditResult> Handle(EditItem command, CancellationToken cancellationToken)
    {
        var item = await RoadmapEdits.FindAsync<RoadmapItem>(db, command.Code, cancellationToken);
        if (command.Kind is { } kind && item.Kind != kind)
            throw new NotFoundException($"«{command.Code}» er {RoadmapEdits.KindName(item.Kind)} {item.Code}, ikke {RoadmapEdits.KindName(kind)}.");
        var changes = new List<ItemChange>();
        var names = await RoadmapEdits.ApplyNamesAsync(db, item, command.Name, command.Description, command.Aliases, changes, cancellationToken, itemNames);
        return await RoadmapEdits.SaveAsync(db, linker, item, command.ExpectedVersion, changes,
            audit, names, cancellationToken);
    }
}
