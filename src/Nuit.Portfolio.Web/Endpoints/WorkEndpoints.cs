using Mediator;
using Microsoft.AspNetCore.Mvc;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Meetings.Parsing;
using Nuit.Portfolio.Features.Work;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Endpoints;

/// <summary>
/// Long work for scripts: start a report or an import in the background (202 with a Location to poll) and follow it
/// at <c>/api/jobs/{id}</c>. The synchronous routes (<c>POST /api/reports</c>, <c>POST /api/imports</c>) stay for
/// short work and simple scripts.
/// </summary>
public static class WorkEndpoints
{
    public static IEndpointRouteBuilder MapWorkEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Bakgrunnsjobber").RequireAuthorization(Policies.Reader);

        api.MapGet("/jobs/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetWork(id), ct)));

        api.MapPost("/reports/jobs", async (string quarter, bool? publish, ISender sender, CancellationToken ct) =>
            Accepted(await sender.Send(new QueueReport(quarter, publish ?? false), ct)))
            .RequireAuthorization(Policies.Editor);

        api.MapPost("/imports/jobs", async (IFormFile file, bool? dryRun, string? meeting, DateOnly? date, ISender sender, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                return Accepted(await sender.Send(new QueueImport(file.FileName, buffer.ToArray(), dryRun ?? false) { Meeting = meeting, MeetingDate = date }, ct));
            })
            .DisableAntiforgery()
            .RequireAuthorization(Policies.Editor)
            .WithMetadata(new RequestSizeLimitAttribute(DocumentReader.DefaultMaxBytes + 1024 * 1024));
        return app;
    }

    private static IResult Accepted(WorkStatus work) => TypedResults.Accepted($"/api/jobs/{work.Id}", work);
}

/// <summary>
/// Waits a moment for work a page just started: short work (a small document, a small report) is usually done by then,
/// and the user goes straight to the result without seeing the progress page at all.
/// </summary>
public static class WorkWait
{
    public static async Task<WorkStatus> ForAsync(ISender sender, WorkStatus work, TimeSpan max, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + max;
        while (!work.Finished && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
            work = await sender.Send(new GetWork(work.Id), ct);
        }
        return work;
    }

    /// <summary>Where the user goes now: the result when the work is done and has one, else its progress page.</summary>
    public static string NextUrl(WorkStatus work) => work.Finished && work.ResultUrl is { } url ? url : $"/jobs/{work.Id}";
}
