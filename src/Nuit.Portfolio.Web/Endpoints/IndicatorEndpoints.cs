using Mediator;
using Microsoft.AspNetCore.Mvc;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Exports;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Endpoints;

/// <summary>Setting values and targets, and the indicator workbook out (export) and in (import). Listing is in StrategyEndpoints.</summary>
public static class IndicatorEndpoints
{
    /// <summary><see cref="ExpectedVersion"/>: the version from the GET (or the all-zero Guid for "no value yet"); 409 when stale.</summary>
    public sealed record ValueInput(decimal Value, string Source, string? Note, Guid? ExpectedVersion = null);

    public sealed record TargetInput(decimal Value, string? Case, string? Note, Guid? ExpectedVersion = null);

    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Indikatorer").RequireAuthorization(Policies.Reader);

        api.MapPut("/indicators/{code}/values/{period}", async (string code, string period, ValueInput input, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetIndicatorValue(code, period, input.Value, input.Source, input.Note, input.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.Editor);

        api.MapPut("/indicators/{code}/targets/{period}", async (string code, string period, TargetInput input, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetIndicatorTarget(code, period, input.Value, input.Case, input.Note, input.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.Editor);

        api.MapPost("/indicators/values", async (IFormFile? file, [FromQuery] bool? dryRun, ISender sender, CancellationToken ct) =>
        {
            if (file is null) throw new InputException("forespørselen", "felt file", "last opp arbeidsboken som multipart/form-data i feltet «file».");
            if (file.Length > Files.Workbooks.WorkbookFileGuard.MaxFileBytes)
                throw new InputException(file.FileName, null, FileSizes.TooLarge(file.Length, Files.Workbooks.WorkbookFileGuard.MaxFileBytes));
            // One copy of the file (at most 20 MB), read into an array of its size; the rows are then read as a stream.
            var content = new byte[file.Length];
            await using (var upload = file.OpenReadStream())
                await upload.ReadExactlyAsync(content, ct);
            return TypedResults.Ok(await sender.Send(new ImportIndicatorValues(content, file.FileName, dryRun ?? false), ct));
        }).DisableAntiforgery().RequireAuthorization(Policies.Editor)
            .WithMetadata(new RequestSizeLimitAttribute(Files.Workbooks.WorkbookFileGuard.MaxFileBytes + 1024 * 1024));

        api.MapGet("/exports/indicators.xlsx", async (string? goal, string? from, string? to, ISender sender, CancellationToken ct) =>
        {
            var export = await sender.Send(new ExportIndicators(goal, from, to), ct);
            // The workbook writers are synchronous (Files/Workbooks/XlsxWriter); a buffer keeps Kestrel's no-sync-IO rule and
            // lets a failed export still answer with a problem instead of a cut-off file.
            var buffer = new MemoryStream();
            export.WriteTo(buffer);
            buffer.Position = 0;
            return TypedResults.File(buffer, export.ContentType, export.FileName);
        });

        return app;
    }
}
