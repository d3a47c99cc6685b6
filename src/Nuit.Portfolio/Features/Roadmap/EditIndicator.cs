using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Seeding;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>
/// Edits an indicator's definition: name, description, unit, direction, source and the amber threshold.
/// Periodicity can change only while the indicator has no values or targets: their periods would no longer fit.
/// </summary>
public sealed record EditIndicator(
    string Code, string? Name = null, string? Unit = null, string? Direction = null, string? Periodicity = null,
    string? Source = null, string? SourceUrl = null, decimal? AmberTolerance = null, string? Description = null,
    IReadOnlyList<string>? Aliases = null, Guid? ExpectedVersion = null)
    : ICommand<RoadmapEditResult>;

public sealed class EditIndicatorValidator : AbstractValidator<EditIndicator>
{
    public EditIndicatorValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Oppgi koden til indikatoren.").MaximumLength(RoadmapCodes.MaxLength);
        RuleFor(x => x.Name).Must(n => n is null || n.Trim().Length > 0).WithMessage("Navnet kan ikke være tomt.").MaximumLength(400);
        RuleFor(x => x.Unit).Must(n => n is null || n.Trim().Length > 0).WithMessage("Enheten kan ikke være tom.").MaximumLength(40);
        RuleFor(x => x.Direction).Must(d => d is null || SeedLoader.TryDirection(d, out _)).WithMessage("Retning må være «higher» eller «lower».");
        RuleFor(x => x.Periodicity).Must(p => p is null || SeedLoader.TryPeriodicity(p, out _)).WithMessage("Periodisitet må være «year» eller «quarter».");
        RuleFor(x => x.AmberTolerance).InclusiveBetween(0m, 1m).WithMessage("Terskelen for gul er en andel mellom 0 og 1 (0,15 = 15 %).");
        RuleFor(x => x.Source).MaximumLength(400);
        RuleFor(x => x.SourceUrl).MaximumLength(400);
        RuleFor(x => x.Description).MaximumLength(4000);
    }
}

public sealed class EditIndicatorHandler(PortfolioDbContext db, CaseLinker? linker, AuditTrail audit) : ICommandHandler<EditIndicator, RoadmapEditResult>
{
    public async ValueTask<RoadmapEditResult> Handle(EditIndicator command, CancellationToken cancellationToken)
    {
        var d = await RoadmapEdits.FindAsync<Indicator>(db, command.Code, cancellationToken);
        var changes = new List<ItemChange>();
        var names = await RoadmapEdits.ApplyNamesAsync(db, d, command.Name, command.Description, command.Aliases, changes, cancellationToken);
        if (command.Unit is { } unit && RoadmapEdits.Track(changes, d.Code, "enhet", d.Unit, unit.Trim())) d.Unit = unit.Trim();
        if (command.Direction is { } dir && SeedLoader.TryDirection(dir, out var direction)
            && RoadmapEdits.Track(changes, d.Code, "retning", Text(d.Direction), Text(direction))) d.Direction = direction;
        if (command.Periodicity is { } per && SeedLoader.TryPeriodicity(per, out var periodicity) && periodicity != d.Periodicity)
        {
            if (await db.IndicatorValues.AnyAsync(v => v.IndicatorId == d.Id, cancellationToken) || await db.IndicatorTargets.AnyAsync(t => t.IndicatorId == d.Id, cancellationToken))
                throw new InputException("forespørselen", "felt periodicity", $"{d.Code} har verdier eller målverdier; periodisiteten kan ikke endres uten at periodene blir feil.");
            RoadmapEdits.Track(changes, d.Code, "periodisitet", Text(d.Periodicity), Text(periodicity));
            d.Periodicity = periodicity;
        }
        if (command.Source is not null && RoadmapEdits.Track(changes, d.Code, "kilde", d.Source, RoadmapEdits.Blank(command.Source))) d.Source = RoadmapEdits.Blank(command.Source);
        if (command.SourceUrl is not null && RoadmapEdits.Track(changes, d.Code, "kildelenke", d.SourceUrl, RoadmapEdits.Blank(command.SourceUrl))) d.SourceUrl = RoadmapEdits.Blank(command.SourceUrl);
        if (command.AmberTolerance is { } tolerance
            && RoadmapEdits.Track(changes, d.Code, "terskel gul", RoadmapEdits.Invariant(d.AmberTolerance), RoadmapEdits.Invariant(tolerance)))
            d.AmberTolerance = tolerance;
        return await RoadmapEdits.SaveAsync(db, linker, d, command.ExpectedVersion, changes,
            audit, names, cancellationToken);
    }

    private static string Text(IndicatorDirection d) => d == IndicatorDirection.HigherIsBetter ? "higher" : "lower";

    private static string Text(Periodicity p) => p == Periodicity.Year ? "year" : "quarter";
}
