using Mediator;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Web.Endpoints;

public static class LinkEndpoints
{
    public sealed record LinkRequest(string Item, string? Note, Guid? ExpectedVersion);

    public sealed record AliasRequest(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

    public static IEndpointRouteBuilder MapLinkEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Koblinger og søk");

        // "Which cases touched X?" under each kind's own path, and under /items for any code.
        foreach (var kind in new[] { "items", "goals", "subgoals", "initiatives", "indicators" })
            api.MapGet($"/{kind}/{{code}}/cases", async (string code, string? state, string? from, string? to, int? limit, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CasesTouching(code, state, from, to, limit ?? CasesTouching.DefaultLimit), ct)));

        var caseLinks = api.MapGroup("/cases/{body}/{number}");
        caseLinks.MapGet("/links", async (string body, string number, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCaseLinks($"{body} {number}"), ct)));
        caseLinks.MapGet("/history", async (string body, string number, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetTreatmentChain($"{body} {number}"), ct)));
        caseLinks.MapPost("/links", (string body, string number, LinkRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
            Decide(body, number, request, LinkDecision.Add, http, sender, ct));
        caseLinks.MapPost("/links/confirm", (string body, string number, LinkRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
            Decide(body, number, request, LinkDecision.Confirm, http, sender, ct));
        caseLinks.MapPost("/links/reject", (string body, string number, LinkRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
            Decide(body, number, request, LinkDecision.Reject, http, sender, ct));

        api.MapGet("/search", async (string q, int? limit, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SearchCases(q, limit ?? 50), ct)));
        api.MapPut("/items/{code}/aliases", async (string code, AliasRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new EditAliases(code, request.Add ?? [], request.Remove ?? []), ct)));
        api.MapPost("/links/refresh", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new RefreshLinks(), ct)));
        return app;
    }

    private static async Task<IResult> Decide(string body, string number, LinkRequest request, LinkDecision decision, HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DecideLink($"{body} {number}", request.Item, decision,
            http.User.Identity?.Name ?? "api", request.Note, request.ExpectedVersion), ct));
}
