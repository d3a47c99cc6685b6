using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Web;

/// <summary>
/// Turns the library's exceptions into problem responses: bad input 400 with the field, missing 404,
/// a stale edit 409 with the current values, too large 413 with the limit, a database locked through every retry
/// 503 with Retry-After; anything else 500 without internals
/// (the details go to the log only).
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
        // Logged: faults nobody foresaw, and a full or read-only disk, which needs the operator. Retry-After: a busy database.
        var (status, title, detail, logIt, retryAfter) = exception switch
        {
            ValidationException v => (400, "Ugyldig forespørsel", string.Join(" ", v.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")), false, false),
            InputException i => (400, "Ugyldige data", i.Message, false, false),
            NotFoundException n => (404, "Finnes ikke", n.Message, false, false),
            _ when StorageProblem.Describe(exception) is { } storage => (503, "Kan ikke lagre", storage, true, false),
            _ when DatabaseBusyException.Is(exception) => (503, "Databasen er opptatt", "Databasen er opptatt akkurat nå fordi noen andre lagrer. Ingenting er lagret; prøv igjen om noen sekunder.", false, true),
            DbUpdateConcurrencyException => (409, "Endret av en annen", "Noen andre har endret dette siden du hentet det. Hent gjeldende verdier og prøv igjen.", false, false),
            _ => (500, "Intern feil", "Noe gikk galt. Feilen er logget.", true, false),
        };
        if (logIt) log.LogError(exception, "Feil på {Path}", context.Request.Path);

        context.Response.StatusCode = status;
        if (retryAfter) context.Response.Headers.RetryAfter = DatabaseBusyException.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // People in a browser get a page in bokmål; the API and scripts get a problem document.
        if (!context.Request.Path.StartsWithSegments("/api") && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(ErrorPage(title, detail), cancellationToken);
            return true;
        }
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (exception is ValidationException ve)
            problem.Extensions["errors"] = ve.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
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
