using Mediator;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Roadmap;

using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Endpoints;

/// <summary>
/// Maintaining the roadmap: add (POST), edit (PATCH: only the fields sent) and retire goals, sub-goals,
/// initiatives and indicators; milestones; an item's history. The body is a request record of its own (RoadmapRequests); the code
/// comes from the route and who changed it from <see cref="Common.ICurrentUser"/>, never from the body.
/// </summary>
public static class RoadmapEndpoints
{
    public static IEndpointRouteBuilder MapRoadmapEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Veikart").ReadersReadEditorsChange();

        api.MapPost("/goals", async (AddGoalRequest body, ISender sender, CancellationToken ct) =>
            Created(await sender.Send(body.ToCommand(), ct)));
        api.MapPost("/subgoals", async (AddSubGoalRequest body, ISender sender, CancellationToken ct) =>
            Created(await sender.Send(body.ToCommand(), ct)));
        api.MapPost("/initiatives", async (AddInitiativeRequest body, ISender sender, CancellationToken ct) =>
            Created(await sender.Send(body.ToCommand(), ct)));
        api.MapPost("/indicators", async (AddIndicatorRequest body, ISender sender, CancellationToken ct) =>
            Created(await sender.Send(body.ToCommand(), ct)));

        foreach (var (segment, kind) in new[] { ("goals", RoadmapItemKind.Goal), ("subgoals", RoadmapItemKind.SubGoal) })
            api.MapPatch($"/{segment}/{{code}}", async (string code, EditItemRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(body.ToCommand(code, kind), ct)));
        api.MapPatch("/initiatives/{code}", async (string code, EditInitiativeRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(body.ToCommand(code), ct)));
        api.MapPatch("/indicators/{code}", async (string code, EditIndicatorRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(body.ToCommand(code), ct)));

        foreach (var (segment, kind) in new[]
        {
            ("goals", RoadmapItemKind.Goal), ("subgoals", RoadmapItemKind.SubGoal),
            ("initiatives", RoadmapItemKind.Initiative), ("indicators", RoadmapItemKind.Indicator),
        })
            api.MapPost($"/{segment}/{{code}}/retire", async (string code, RetireRequest? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetireItem(code, kind, body?.Reason, body?.ExpectedVersion), ct)));

        api.MapGet("/initiatives/{code}/milestones", async (string code, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMilestones(code), ct)));
        api.MapPost("/initiatives/{code}/milestones", async (string code, AddMilestoneRequest body, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(body.ToCommand(code), ct);
            return TypedResults.Created($"/api/initiatives/{result.Initiative}/milestones", result);
        });
        api.MapPatch("/milestones/{id:int}", async (int id, EditMilestoneRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(body.ToCommand(id), ct)));

        api.MapGet("/items/{code}/history", async (string code, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetItemHistory(code), ct)));

        api.MapGet("/plans", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPlanYears(), ct)));
        api.MapPost("/plans", async (PlanRequest body, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new StartPlanYear(body.Year, body.Name), ct)));
        api.MapGet("/plans/diff", async (int from, int to, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetPlanDiff(from, to), ct)));
        api.MapGet("/exports/plan-diff.xlsx", async (int from, int to, ISender sender, CancellationToken ct) =>
            WorkbookResults.File(await sender.Send(new ExportPlanDiff(from, to), ct)));
        api.MapGet("/exports/roadmap.xlsx", async (ISender sender, CancellationToken ct) => WorkbookResults.File(await sender.Send(new ExportRoadmap(), ct)));
        api.MapPost("/imports/roadmap", async (IFormFile? file, [Microsoft.AspNetCore.Mvc.FromQuery] bool? dryRun, ISender sender, CancellationToken ct) =>
        {
            if (file is null) throw new Common.InputException("forespørselen", "felt file", "last opp arbeidsboken som multipart/form-data i feltet «file».");
            if (file.Length > Files.Workbooks.WorkbookFileGuard.MaxFileBytes)
                throw new Common.InputException(file.FileName, null, Common.FileSizes.TooLarge(file.Length, Files.Workbooks.WorkbookFileGuard.MaxFileBytes));
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            return TypedResults.Ok(await sender.Send(new ImportRoadmap(buffer.ToArray(), file.FileName, dryRun ?? false), ct));
        }).DisableAntiforgery();
        return app;
    }


    private static IResult Created(RoadmapEditResult result) => TypedResults.Created($"/api/items/{result.Code}/history", result);
}
