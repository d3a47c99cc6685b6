using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Web;

/// <summary>
/// Turns the library's exceptions into problem responses through the one table (<see cref="Outcomes"/>): bad input 400
/// with the field, missing 404, a stale edit 409 with the current values, a database locked through every retry 503 with
/// Retry-After; anything else 500 without internals (the trace goes to the log only). Too large is 413 with the limit.
/// </summary>
internal sealed class ErrorHandler(IProblemDetailsService problems, ILogger<ErrorHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException { StatusCode: 413 })
        {
            await Auth.RequestSizeCheck.TooLarge(context, Auth.RequestSizeCheck.LimitFor(context) ?? 0);
            return true;
        }
        var outcome = Outcomes.Of(exception);
        if (outcome.Log) log.LogError(exception, "Feil på {Path}", context.Request.Path);
        var (status, title) = (outcome.HttpStatus, outcome.Title);
        var detail = outcome.Log ? $"{outcome.Message} Feilen er logget." : outcome.Message;

        context.Response.StatusCode = status;
        if (outcome.Kind == OutcomeKind.Busy) context.Response.Headers.RetryAfter = DatabaseBusyException.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // People in a browser get a page in bokmål; the API and scripts get a problem document.
        if (!context.Request.Path.StartsWithSegments("/api") && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(ErrorPage(title, detail), cancellationToken);
            return true;
        }
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (outcome.Errors.Any(e => e.Field is not null))
            problem.Extensions["errors"] = outcome.Errors.Where(e => e.Field is not null).GroupBy(e => e.Field!).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        if (exception is DbUpdateConcurrencyException conflict)
            problem.Extensions["current"] = await CurrentValuesAsync(conflict, cancellationToken);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// What the database holds now for each row of a stale edit (null when it was deleted), so the client can show
    /// it and try again with the new <c>version</c>. The edit's transaction is already rolled back here.
    /// </summary>
    private static async Task<List<Dictionary<string, object?>?>> CurrentValuesAsync(DbUpdateConcurrencyException conflict, CancellationToken ct)
    {
        var result = new List<Dictionary<string, object?>?>();
        foreach (var entry in conflict.Entries)
        {
            var values = await entry.GetDatabaseValuesAsync(ct);
            if (values is null)
            {
                result.Add(null);
                continue;
            }
            var row = new Dictionary<string, object?> { ["entity"] = entry.Metadata.ClrType.Name };
            // Never a password or token hash: a conflict on a user account must not hand it to the client.
            foreach (var p in values.Properties.Where(p => p.ClrType != typeof(byte[]) && !p.Name.EndsWith("Hash", StringComparison.Ordinal)))
                row[JsonNamingPolicy.CamelCase.ConvertName(p.Name)] = values[p] is Enum e ? e.ToString() : values[p];
            result.Add(row);
        }
        return result;
    }

    internal static string ErrorPage(string title, string detail)
    {
        var t = System.Net.WebUtility.HtmlEncode(title);
        var d = System.Net.WebUtility.HtmlEncode(detail);
        return $"""
            <!DOCTYPE html>
            <html lang="nb"><head><meta charset="utf-8" /><title>{t} – Nuit.Portfolio</title>
            <link rel="stylesheet" href="/css/site.css" /></head>
            <body><main id="innhold"><h1>{t}</h1><p>{d}</p><p><a href="/">Til oversikten</a></p></main></body></html>
            """;
    }
}
