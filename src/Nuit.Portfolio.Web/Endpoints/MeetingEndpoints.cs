using Mediator;
using Microsoft.AspNetCore.Mvc;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Features.Meetings.Parsing;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Endpoints;

public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Møter og saker").RequireAuthorization(Policies.Reader);

        api.MapGet("/meetings", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMeetings(), ct)));

        // The number is written with a dash in URLs: /api/cases/NUIT/31-24.
        api.MapGet("/cases/{body}/{number}", async (string body, string number, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCase($"{body} {number}"), ct)));

        api.MapPost("/imports", async (IFormFileCollection files, bool? dryRun, string? meeting, DateOnly? date, ISender sender, CancellationToken ct) =>
            {
                if (files.Count == 0)
                    return Results.Problem(title: "Ingen fil", detail: "Last opp minst én fil (multipart/form-data).", statusCode: 400);
                var reports = new List<ImportReport>();
                foreach (var file in files)
                {
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, ct);
                    reports.Add(await sender.Send(new ImportDocument(file.FileName, buffer.ToArray(), dryRun ?? false) { Meeting = meeting, MeetingDate = date }, ct));
                }
                return Results.Ok(ImportReport.Combine(reports));
            })
            .DisableAntiforgery()
            .RequireAuthorization(Policies.Editor)
            .WithMetadata(new RequestSizeLimitAttribute(DocumentReader.DefaultMaxBytes + 1024 * 1024));
        return app;
    }
}
