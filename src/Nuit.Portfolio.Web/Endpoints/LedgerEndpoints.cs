using Mediator;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Endpoints;

public static class LedgerEndpoints
{
    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Oppfølging").RequireAuthorization(Policies.Reader);

        // Filters as in `nuit actions`: ?open=true&overdue=true&owner=NHN&status=open&item=SFM&meeting=1/2025&limit=100
        api.MapGet("/actions", async (bool? open, bool? overdue, string? owner, string? status, string? item, string? meeting, int? limit,
                ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListActionPoints
            {
                OpenOnly = open ?? false,
                OverdueOnly = overdue ?? false,
                Owner = owner,
                Status = status,
                Item = item,
                Meeting = meeting,
                Limit = limit,
            }, ct)));

        // Every decision on the cases that touched an item, oldest first.
        api.MapGet("/items/{code}/decisions", async (string code, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new DecisionsForItem(code), ct)));

        // Initiatives and sub-goals no case touched in the last N quarters (default 4).
        api.MapGet("/coverage-gaps", async (int? quarters, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CoverageGaps(quarters ?? 4), ct)));
        return app;
    }
}
