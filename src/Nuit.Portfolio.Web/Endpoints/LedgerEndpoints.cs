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
        api.MapGet("/actions", async ([AsParameters] ActionFilter filter, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(filter.ToQuery(), ct)));
        // The same list as a workbook (carry-over for the next meeting).
        api.MapGet("/actions.xlsx", async ([AsParameters] ActionFilter filter, ISender sender, CancellationToken ct) =>
            WorkbookResults.File(await sender.Send(new ExportActionPoints(filter.ToQuery()), ct)));
        // One action point with its audit rows.
        api.MapGet("/actions/{id:int}", async (int id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetActionPoint(id), ct)));

        // New cases, decisions, action points, statuses and indicator values since the council last met.
        api.MapGet("/items/{code}/changes-since-last-meeting", async (string code, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ChangesSinceLastMeeting(code), ct)));

        // Every decision on the cases that touched an item, oldest first.
        api.MapGet("/items/{code}/decisions", async (string code, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new DecisionsForItem(code), ct)));

        // Initiatives and sub-goals no case touched in the last N quarters (default 4).
        api.MapGet("/coverage-gaps", async (int? quarters, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CoverageGaps(quarters ?? 4), ct)));
        // Edits: only the fields sent change; expectedVersion from the GET makes a stale edit a 409.
        api.MapPatch("/actions/{id:int}", async (int id, ActionPointPatch body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EditActionPoint(id)
                {
                    Owners = body.Owners, Due = body.Due, ClearDue = body.ClearDue ?? false, Status = body.Status, Note = body.Note, ClosedByCase = body.ClosedByCase,
                    ExpectedVersion = body.ExpectedVersion,
                }, ct)))
            .RequireAuthorization(Policies.Editor);
        api.MapPost("/actions/{id:int}/followups/{decision:regex(^(confirm|reject)$)}", async (int id, string decision, FollowUpDecisionBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DecideFollowUp(id, body.Case, decision == "confirm") { ExpectedVersion = body.ExpectedVersion }, ct)))
            .RequireAuthorization(Policies.Editor);
        return app;
    }
}

/// <summary>The list's query string, shared by /api/actions and /api/actions.xlsx.</summary>
public sealed record ActionFilter(bool? Open, bool? Overdue, string? Owner, string? Status, string? Item, string? Meeting, int? Limit)
{
    public ListActionPoints ToQuery() => new()
    {
        OpenOnly = Open ?? false, OverdueOnly = Overdue ?? false, Owner = Owner, Status = Status, Item = Item, Meeting = Meeting, Limit = Limit,
    };
}

public sealed record ActionPointPatch(
    IReadOnlyList<string>? Owners, DateOnly? Due, string? Status, string? Note, string? ClosedByCase, Guid? ExpectedVersion, bool? ClearDue = null);

public sealed record FollowUpDecisionBody(string Case, Guid? ExpectedVersion);
