using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Nuit.Portfolio.Web.Auth;

/// <summary>
/// A request whose declared size is over its endpoint's limit gets 413 with the limit in words and in bytes,
/// before any of it is read. Requests without Content-Length are stopped by the server at the same limit
/// (<see cref="ErrorHandler"/> words that one).
/// </summary>
internal static class RequestSizeCheck
{
    public static IApplicationBuilder UseRequestSizeCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = LimitFor(context);
        if (limit is { } max && context.Request.ContentLength > max)
        {
            await TooLarge(context, max);
            return;
        }
        await next(context);
    });

    public static long? LimitFor(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        if (metadata is not null) return metadata.MaxRequestBodySize;
        return context.RequestServices.GetService<IOptions<KestrelServerOptions>>()?.Value.Limits.MaxRequestBodySize;
    }

    public static string Describe(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.#} MB" : $"{bytes / 1024.0:0.#} kB";

    public static async Task TooLarge(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        var detail = $"Forespørselen er for stor. Grensen er {Describe(limit)} ({limit} byte). Ingenting er lagret; gjør filen mindre eller del den opp, og prøv igjen.";
        if (!AuthSetup.IsApi(context.Request) && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(ErrorHandler.ErrorPage("For stor fil", detail));
            return;
        }
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 413, Title = "For stor forespørsel", Detail = detail };
        problem.Extensions["limitBytes"] = limit;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
