using Mediator;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Endpoints;

public static class StatusEndpoints
{
    /// <param name="SeenLatest">Optional: when the newest status the client saw was recorded; a newer one for the quarter gives 409.</param>
    public sealed record StatusRequest(string Quarter, string Rag, string? Text, DateTimeOffset? SeenLatest = null);

    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Status").RequireAuthorization(Policies.Reader);

        api.MapGet("/status/{code}", async (string code, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetStatusHistory(code), ct)));
        api.MapPost("/status/{code}", async (string code, StatusRequest request, ISender sender, CancellationToken ct) =>
        {
            var entry = await sender.Send(new SetStatus(code, request.Quarter, request.Rag, request.Text, request.SeenLatest), ct);
            return TypedResults.Created($"/api/status/{entry.Item}", entry);
        }).RequireAuthorization(Policies.Editor);
        return app;
    }
}
