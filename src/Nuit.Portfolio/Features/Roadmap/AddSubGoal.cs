using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>
/// Adds a sub-goal (delmål) under a goal. Only 1A, 1B and 5A are in the seed data; the rest of the
/// published Plan for realisering is entered this way, by hand, through the CLI, API, pages or workbook.
/// </summary>
public sealed record AddSubGoal(string Code, string Goal, string Name, string? Description, IReadOnlyList<string>? Aliases) : ICommand<RoadmapEditResult>;

public sealed class AddSubGoalValidator : AbstractValidator<AddSubGoal>
{
    public AddSubGoalValidator()
    {
        RuleFor(x => x.Goal).NotEmpty().WithMessage("Oppgi målet delmålet hører til, f.eks. M1.");
        RuleFor(x => x.Code).Must((x, c) => Problem(x) is null).WithMessage(x => Problem(x) ?? "");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Oppgi navnet.").MaximumLength(400);
        RuleFor(x => x.Description).MaximumLength(4000);
    }

    private static string? Problem(AddSubGoal x) =>
        RoadmapCodes.SubGoalCodeProblem(RoadmapCodes.Normalise(x.Code ?? ""), RoadmapCodes.Normalise(x.Goal ?? ""));
}

public sealed class AddSubGoalHandler(PortfolioDbContext db, CaseLinker? linker, AuditTrail audit, RoadmapNames? itemNames = null) : ICommandHandler<AddSubGoal, RoadmapEditResult>
{
    public async ValueTask<RoadmapEditResult> Handle(AddSubGoal command, CancellationToken cancellationToken)
    {
        var code = RoadmapCodes.Normalise(command.Code);
        await RoadmapEdits.EnsureNewCodeAsync(db, code, cancellationToken);
        var goal = await RoadmapEdits.FindAsync<Goal>(db, command.Goal, cancellationToken);
        if (goal.RetiredAt is not null)
            throw new InputException("forespørselen", "felt goal", $"målet {goal.Code} er avviklet; nye delmål kan ikke legges under det.");
        var sub = new SubGoal
        {
            Code = code, Name = command.Name.Trim(), Goal = goal, GoalId = goal.Id,
            SortOrder = await db.SubGoals.Where(s => s.GoalId == goal.Id).Select(s => (int?)s.SortOrder).MaxAsync(cancellationToken) + 1 ?? 1,
        };
        var changes = new List<ItemChange> { new(code, "opprettet", null, $"{sub.Name} (under {goal.Code})") };
        await RoadmapEdits.ApplyNamesAsync(db, sub, null, command.Description, command.Aliases ?? [], changes, cancellationToken, itemNames);
        db.SubGoals.Add(sub);
        return await RoadmapEdits.SaveAsync(db, linker, sub, null, changes, audit, true, cancellationToken);
    }
}
