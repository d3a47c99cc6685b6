using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>Adds a strategic goal (M1–M9) to the strategy.</summary>
public sealed record AddGoal(string Code, string Name, string? Description, IReadOnlyList<string>? Aliases)
    : ICommand<RoadmapEditResult>;

public sealed class AddGoalValidator : AbstractValidator<AddGoal>
{
    public AddGoalValidator()
    {
        RuleFor(x => x.Code).Must(c => RoadmapCodes.GoalCodeProblem(RoadmapCodes.Normalise(c ?? "")) is null)
            .WithMessage(x => RoadmapCodes.GoalCodeProblem(RoadmapCodes.Normalise(x.Code ?? "")) ?? "");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Oppgi navnet.").MaximumLength(400);
        RuleFor(x => x.Description).MaximumLength(4000);
    }
}

public sealed class AddGoalHandler(PortfolioDbContext db, CaseLinker? linker, AuditTrail audit, RoadmapNames? itemNames = null) : ICommandHandler<AddGoal, RoadmapEditResult>
{
    public async ValueTask<RoadmapEditResult> Handle(AddGoal command, CancellationToken cancellationToken)
    {
        var code = RoadmapCodes.Normalise(command.Code);
        await RoadmapEdits.EnsureNewCodeAsync(db, code, cancellationToken);
        var strategy = await db.Strategies.OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Det finnes ingen strategi å legge målet under.");
        var goal = new Goal
        {
            Code = code, Name = command.Name.Trim(), Strategy = strategy,
            SortOrder = await db.Goals.Select(g => (int?)g.SortOrder).MaxAsync(cancellationToken) + 1 ?? 1,
        };
        var changes = new List<ItemChange> { new(code, "opprettet", null, goal.Name) };
        await RoadmapEdits.ApplyNamesAsync(db, goal, null, command.Description, command.Aliases ?? [], changes, cancellationToken, itemNames);
        db.Goals.Add(goal);
        return await RoadmapEdits.SaveAsync(db, linker, goal, null, changes, audit, true, cancellationToken);
    }
}
