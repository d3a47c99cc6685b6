using Mediator;
using Microsoft.AspNetCore.Mvc;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Features.Meetings.Parsing;
using Nuit.Portfolio.Files.Documents;
using Nuit.Portfolio.Rendering.Documents;
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

        // Planning the next meeting (issue 21). The meeting is written with a dash in URLs: /api/meetings/NUIT/3-2025/pack.
        api.MapPost("/meetings/planned", async (PlanMeeting command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command, ct)))
            .RequireAuthorization(Policies.Editor);
        api.MapPost("/meetings/{body}/{number}/cases", async (string body, string number, PlannedCaseBody input, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AddPlannedCase($"{body} {number}", input.Title, input.Type)
                {
                    Owner = input.Owner, Items = input.Items ?? [], Time = input.Time, ProposedDecision = input.ProposedDecision,
                    Purpose = input.Purpose, Questions = input.Questions, NextSteps = input.NextSteps,
                }, ct)))
            .RequireAuthorization(Policies.Editor);
        api.MapPut("/meetings/{body}/{number}/cases/{caseNumber}", async (string body, string number, string caseNumber, PlannedCaseEdit input, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EditPlannedCase($"{body} {number}", caseNumber.Replace('-', '/'))
                {
                    Title = input.Title, Type = input.Type, Owner = input.Owner, Time = input.Time, ProposedDecision = input.ProposedDecision,
                    Purpose = input.Purpose, Background = input.Background, Questions = input.Questions, NextSteps = input.NextSteps,
                    ExpectedVersion = input.Version,
                }, ct)))
            .RequireAuthorization(Policies.Editor);
        api.MapGet("/meetings/{body}/{number}/pack", async (string body, string number, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetMeetingPack($"{body} {number}"), ct)));
        api.MapGet("/meetings/{body}/{number}/pack.docx", async (string body, string number, ISender sender, CancellationToken ct) =>
        {
            var pack = await sender.Send(new GetMeetingPack($"{body} {number}"), ct);
            return TypedResults.File(MeetingPackDocx.Write(pack), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                $"motepakke-{pack.Body}-{pack.Number.Replace('/', '-')}.docx");
        });
        api.MapGet("/meetings/{body}/{number}/pack.html", async (string body, string number, ISender sender, CancellationToken ct) =>
            TypedResults.Bytes(MeetingPackHtml.Render(await sender.Send(new GetMeetingPack($"{body} {number}"), ct)), "text/html; charset=utf-8"));
        return app;
    }
}

/// <summary>A planned case as posted to the API; the meeting comes from the URL.</summary>
public sealed record PlannedCaseBody(
    string Title, string Type, string? Owner = null, IReadOnlyList<string>? Items = null, TimeOnly? Time = null,
    string? ProposedDecision = null, string? Purpose = null, string? Questions = null, string? NextSteps = null);

/// <summary>An edit of a planned case; a field left out stays as it is, an empty text clears it.</summary>
public sealed record PlannedCaseEdit(
    string? Title = null, string? Type = null, string? Owner = null, TimeOnly? Time = null, string? ProposedDecision = null,
    string? Purpose = null, string? Background = null, string? Questions = null, string? NextSteps = null, Guid? Version = null);
