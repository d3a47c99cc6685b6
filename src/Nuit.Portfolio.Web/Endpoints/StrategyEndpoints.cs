using Mediator;
using Nuit.Portfolio.Features.Strategy;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Endpoints;

public static class StrategyEndpoints
{
    public static IEndpointRouteBuilder MapStrategyEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Strategi").RequireAuthorization(Policies.Reader);
        api.MapGet("/goals", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListGoals(), ct)));
        api.MapGet("/initiatives", async (ISender sender, bool? includeRetired, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListInitiatives(includeRetired ?? false), ct)));
        api.MapGet("/initiatives/{code}", async (string code, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetInitiative(code), ct)));
        api.MapGet("/indicators", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListIndicators(), ct)));
        api.MapGet("/indicators/{code}", async (string code, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetIndicator(code), ct)));
        return app;
    }
}
