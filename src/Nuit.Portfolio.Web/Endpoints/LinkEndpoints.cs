using Mediator;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Endpoints;

public static class LinkEndpoints
{
    public sealed record LinkRequest(string Item, string? Note, Guid? ExpectedVersion);

    public sealed record AliasRequest(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

    public static IEndpointRouteBuilder MapLinkEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Koblinger og søk").RequireAuthorization(Policies.Reader);

        // "Which cases touched X?" under each kind's own path, and under /items for any code.
        foreach (var kind in new[] { "items", "goals", "subgoals", "initiatives", "indicators" })
            api.MapGet($"/{kind}/{{code}}/cases", async (string code, string? state, string? from, string? to, int? limit, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CasesTouching(code, state, from, to, limit ?? CasesTouching.DefaultLimit), ct)));

        var caseLinks = api.MapGroup("/cases/{body}/{number}");
        caseLinks.MapGet("/links", async (string body, string number, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCaseLinks($"{body} {number}"), ct)));
        caseLinks.MapGet("/history", async (string body, string number, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetTreatmentChain($"{body} {number}"), ct)));
        caseLinks.MapPost("/links", (string body, string number, LinkRequest request, ISender sender, CancellationToken ct) =>
            Decide(body, number, request, LinkDecision.Add, sender, ct)).RequireAuthorization(Policies.Editor);
        caseLinks.MapPost("/links/confirm", (string body, string number, LinkRequest request, ISender sender, CancellationToken ct) =>
            Decide(body, number, request, LinkDecision.Confirm, sender, ct)).RequireAuthorization(Policies.Editor);
        caseLinks.MapPost("/links/reject", (string body, string number, LinkRequest request, ISender sender, CancellationToken ct) =>
            Decide(body, number, request, LinkDecision.Reject, sender, ct)).RequireAuthorization(Policies.Editor);

        api.MapGet("/search", async (string q, int? limit, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SearchCases(q, limit ?? 50), ct)));
        api.MapPut("/items/{code}/aliases", async (string code, AliasRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new EditAliases(code, request.Add ?? [], request.Remove ?? []), ct))).RequireAuthorization(Policies.Editor);
        api.MapPost("/links/refresh", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new RefreshLinks(), ct)))
            .RequireAuthorization(Policies.Editor);
        return app;
    }

    private static async Task<IResult> Decide(string body, string number, LinkRequest request, LinkDecision decision, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DecideLink($"{body} {number}", request.Item, decision,
            request.Note, request.ExpectedVersion), ct));
}
