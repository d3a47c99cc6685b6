using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Roadmap;

namespace Nuit.Portfolio.Web.Endpoints;

// The JSON bodies of the roadmap API, apart from the library's commands: what a client may send is exactly what OpenAPI
// shows. The code, kind or number in the route and the author (ICurrentUser) are never part of a body.

public sealed record AddGoalRequest(string Code, string Name, string? Description, IReadOnlyList<string>? Aliases)
{
    public AddGoal ToCommand() => new(Code, Name, Description, Aliases);
}

public sealed record AddSubGoalRequest(string Code, string Goal, string Name, string? Description, IReadOnlyList<string>? Aliases)
{
    public AddSubGoal ToCommand() => new(Code, Goal, Name, Description, Aliases);
}

public sealed record AddInitiativeRequest(
    string Code, string Name, string? Owner, string? Phase, IReadOnlyList<string>? SubGoals, string? Goal, IReadOnlyList<string>? Aliases, string? Description)
{
    public AddInitiative ToCommand() => new(Code, Name, Owner, Phase, SubGoals, Goal, Aliases, Description);
}

public sealed record AddIndicatorRequest(
    string Code, string Goal, string Name, string Unit, string Direction = "higher", string Periodicity = "year",
    string? Source = null, string? SourceUrl = null, decimal? AmberTolerance = null, string? Description = null, IReadOnlyList<string>? Aliases = null)
{
    public AddIndicator ToCommand() => new(Code, Goal, Name, Unit, Direction, Periodicity, Source, SourceUrl, AmberTolerance, Description, Aliases);
}

/// <summary>PATCH of a goal or sub-goal: only the fields sent change; <see cref="ExpectedVersion"/> makes a stale edit 409.</summary>
public sealed record EditItemRequest(string? Name = null, string? Description = null, IReadOnlyList<string>? Aliases = null, Guid? ExpectedVersion = null)
{
    public EditItem ToCommand(string code, RoadmapItemKind kind) => new(code, kind, Name, Description, Aliases, ExpectedVersion);
}

public sealed record EditInitiativeRequest(
    string? Name = null, string? Owner = null, string? Phase = null, string? Status = null, IReadOnlyList<string>? SubGoals = null,
    string? Goal = null, IReadOnlyList<string>? Aliases = null, string? Description = null, Guid? ExpectedVersion = null)
{
    public EditInitiative ToCommand(string code) => new(code, Name, Owner, Phase, Status, SubGoals, Goal, Aliases, Description, ExpectedVersion);
}

public sealed record EditIndicatorRequest(
    string? Name = null, string? Unit = null, string? Direction = null, string? Periodicity = null, string? Source = null, string? SourceUrl = null,
    decimal? AmberTolerance = null, string? Description = null, IReadOnlyList<string>? Aliases = null, Guid? ExpectedVersion = null)
{
    public EditIndicator ToCommand(string code) =>
        new(code, Name, Unit, Direction, Periodicity, Source, SourceUrl, AmberTolerance, Description, Aliases, ExpectedVersion);
}

public sealed record AddMilestoneRequest(string Name, string? Planned = null, string? Forecast = null, string? Actual = null, string? Source = null)
{
    public AddMilestone ToCommand(string initiative) => new(initiative, Name, Planned, Forecast, Actual, Source);
}

public sealed record EditMilestoneRequest(
    string? Name = null, string? Planned = null, string? Forecast = null, string? Actual = null, string? Source = null, Guid? ExpectedVersion = null)
{
    public EditMilestone ToCommand(int id) => new(id, Name, Planned, Forecast, Actual, Source, ExpectedVersion);
}

public sealed record RetireRequest(string? Reason, Guid? ExpectedVersion);

public sealed record PlanRequest(int Year, string? Name);
