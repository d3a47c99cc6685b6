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
/// Adds a strategic indicator under a goal: definition (name, description), unit, direction, periodicity,
/// source and the amber threshold. Values and targets are set afterwards (nuit values/targets set).
/// </summary>
public sealed record AddIndicator(
    string Code, string Goal, string Name, string Unit, string Direction = "higher", string Periodicity = "year",
    string? Source = null, string? SourceUrl = null, decimal? AmberTolerance = null, string? Description = null,
    IReadOnlyList<string>? Aliases = null) : ICommand<RoadmapEditResult>;

public sealed class AddIndicatorValidator : AbstractValidator<AddIndicator>
{
    public AddIndicatorValidator()
    {
        RuleFor(x => x.Code).Must(c => RoadmapCodes.CodeProblem(RoadmapCodes.Normalise(c ?? "")) is null)
            .WithMessage(x => RoadmapCodes.CodeProblem(RoadmapCodes.Normalise(x.Code ?? "")) ?? "");
        RuleFor(x => x.Goal).NotEmpty().WithMessage("Oppgi målet indikatoren måler, f.eks. M1.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Oppgi navnet.").MaximumLength(400);
        RuleFor(x => x.Unit).NotEmpty().WithMessage("Oppgi enheten, f.eks. % eller antall.").MaximumLength(40);
        RuleFor(x => x.Direction).Must(d => SeedLoader.TryDirection(d ?? "", out _)).WithMessage("Retning må være «higher» eller «lower».");
        RuleFor(x => x.Periodicity).Must(p => SeedLoader.TryPeriodicity(p ?? "", out _)).WithMessage("Periodisitet må være «year» eller «quarter».");
        RuleFor(x => x.AmberTolerance).InclusiveBetween(0m, 1m).WithMessage("Terskelen for gul er en andel mellom 0 og 1 (0,15 = 15 %).");
        RuleFor(x => x.Source).MaximumLength(400);
        RuleFor(x => x.SourceUrl).MaximumLength(400);
        RuleFor(x => x.Description).MaximumLength(4000);
    }
}

public sealed class AddIndicatorHandler(PortfolioDbContext db, CaseLinker? linker, AuditTrail audit) : ICommandHandler<AddIndicator, RoadmapEditResult>
{
    public async ValueTask<RoadmapEditResult> Handle(AddIndicator command, CancellationToken cancellationToken)
    {
        var code = RoadmapCodes.Normalise(command.Code);
        await RoadmapEdits.EnsureNewCodeAsync(db, code, cancellationToken);
        var goal = await RoadmapEdits.FindAsync<Goal>(db, command.Goal, cancellationToken);
        if (goal.RetiredAt is not null) throw new InputException("forespørselen", "felt goal", $"målet {goal.Code} er avviklet.");
        SeedLoader.TryDirection(command.Direction, out var direction);
        SeedLoader.TryPeriodicity(command.Periodicity, out var periodicity);
        var indicator = new Indicator
        {
            Code = code, Name = command.Name.Trim(), Goal = goal, GoalId = goal.Id, Unit = command.Unit.Trim(),
            Direction = direction, Periodicity = periodicity, Source = RoadmapEdits.Blank(command.Source),
            SourceUrl = RoadmapEdits.Blank(command.SourceUrl), AmberTolerance = command.AmberTolerance ?? 0.15m,
            SortOrder = await db.Indicators.Select(i => (int?)i.SortOrder).MaxAsync(cancellationToken) + 1 ?? 1,
        };
        var changes = new List<ItemChange> { new(code, "opprettet", null, $"{indicator.Name} ({indicator.Unit}, under {goal.Code})") };
        await RoadmapEdits.ApplyNamesAsync(db, indicator, null, command.Description, command.Aliases ?? [], changes, cancellationToken);
        db.Indicators.Add(indicator);
        return await RoadmapEdits.SaveAsync(db, linker, indicator, null, changes, audit, true, cancellationToken);
    }
}
