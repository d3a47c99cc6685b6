using Mediator;
using Nuit.Portfolio.Features.Status;

namespace Nuit.Portfolio.Web.Endpoints;

public static class StatusEndpoints
{
    public sealed record StatusRequest(string Quarter, string Rag, string? Text);

    public sealed record MilestoneRequest(string Name, DateOnly? Planned, DateOnly? Forecast, DateOnly? Actual, string? Source);

    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Status");

        api.MapGet("/status/{code}", async (string code, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetStatusHistory(code), ct)));
        api.MapPost("/status/{code}", async (string code, StatusRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var entry = await sender.Send(new SetStatus(code, request.Quarter, request.Rag, request.Text, http.User.Identity?.Name ?? "api"), ct);
            return TypedResults.Created($"/api/status/{entry.Item}", entry);
        });
        api.MapPost("/initiatives/{code}/milestones", async (string code, MilestoneRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetMilestone(code, request.Name, request.Planned, request.Forecast, request.Actual, request.Source), ct)));
        return app;
    }
}
