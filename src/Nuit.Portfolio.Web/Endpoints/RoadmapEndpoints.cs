using Mediator;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Roadmap;

namespace Nuit.Portfolio.Web.Endpoints;

/// <summary>
/// Maintaining the roadmap: add (POST), edit (PATCH: only the fields sent) and retire goals, sub-goals,
/// initiatives and indicators; milestones; an item's history. The body is the command itself; the code
/// comes from the route and who changed it from the request, never from the body.
/// </summary>
public static class RoadmapEndpoints
{
    public sealed record RetireInput(string? Reason, Guid? ExpectedVersion);

    public static IEndpointRouteBuilder MapRoadmapEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Veikart");

        api.MapPost("/goals", async (AddGoal body, HttpContext http, ISender sender, CancellationToken ct) =>
            Created(await sender.Send(body with { ChangedBy = Who(http), Via = "api" }, ct)));
        api.MapPost("/subgoals", async (AddSubGoal body, HttpContext http, ISender sender, CancellationToken ct) =>
            Created(await sender.Send(body with { ChangedBy = Who(http), Via = "api" }, ct)));
        api.MapPost("/initiatives", async (AddInitiative body, HttpContext http, ISender sender, CancellationToken ct) =>
            Created(await sender.Send(body with { ChangedBy = Who(http), Via = "api" }, ct)));
        api.MapPost("/indicators", async (AddIndicator body, HttpContext http, ISender sender, CancellationToken ct) =>
            Created(await sender.Send(body with { ChangedBy = Who(http), Via = "api" }, ct)));

        foreach (var (segment, kind) in new[] { ("goals", RoadmapItemKind.Goal), ("subgoals", RoadmapItemKind.SubGoal) })
            api.MapPatch($"/{segment}/{{code}}", async (string code, EditItem body, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(body with { Code = code, Kind = kind, ChangedBy = Who(http), Via = "api" }, ct)));
        api.MapPatch("/initiatives/{code}", async (string code, EditInitiative body, HttpContext http, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(body with { Code = code, ChangedBy = Who(http), Via = "api" }, ct)));
        api.MapPatch("/indicators/{code}", async (string code, EditIndicator body, HttpContext http, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(body with { Code = code, ChangedBy = Who(http), Via = "api" }, ct)));

        foreach (var (segment, kind) in new[]
        {
            ("goals", RoadmapItemKind.Goal), ("subgoals", RoadmapItemKind.SubGoal),
            ("initiatives", RoadmapItemKind.Initiative), ("indicators", RoadmapItemKind.Indicator),
        })
            api.MapPost($"/{segment}/{{code}}/retire", async (string code, RetireInput? body, HttpContext http, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetireItem(code, kind, body?.Reason, body?.ExpectedVersion, Who(http), "api"), ct)));

        api.MapGet("/initiatives/{code}/milestones", async (string code, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMilestones(code), ct)));
        api.MapPost("/initiatives/{code}/milestones", async (string code, AddMilestone body, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(body with { Initiative = code, ChangedBy = Who(http), Via = "api" }, ct);
            return TypedResults.Created($"/api/initiatives/{result.Initiative}/milestones", result);
        });
        api.MapPatch("/milestones/{id:int}", async (int id, EditMilestone body, HttpContext http, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(body with { Id = id, ChangedBy = Who(http), Via = "api" }, ct)));

        api.MapGet("/items/{code}/history", async (string code, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetItemHistory(code), ct)));
        return app;
    }

    private static IResult Created(RoadmapEditResult result) => TypedResults.Created($"/api/items/{result.Code}/history", result);

    /// <summary>The signed-in user where there is one; the service has no login yet, so otherwise "api".</summary>
    private static string Who(HttpContext http) => http.User.Identity?.Name is { Length: > 0 } name ? name : "api";
}
