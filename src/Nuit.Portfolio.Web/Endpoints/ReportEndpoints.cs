using Mediator;
using Nuit.Portfolio.Features.Reports;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Endpoints;

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Kvartalsrapporter").RequireAuthorization(Policies.Reader);

        api.MapPost("", async (string quarter, bool? publish, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new CreateReport(quarter, publish ?? false), ct);
            return result.Outcome == ReportOutcome.Created
                ? Results.Created($"/api/reports/{result.Report.Id}", result)
                : Results.Ok(result);
        }).RequireAuthorization(Policies.Editor);
        api.MapGet("", async (string? quarter, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListReports(quarter), ct)));
        api.MapGet("/{id:int}", async (int id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetReport(id), ct)));
        api.MapGet("/{id:int}/files/{name}", async (int id, string name, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var file = await sender.Send(new GetReportFile(id, name), ct);
            if (file.ContentType.StartsWith("text/html", StringComparison.Ordinal) || file.ContentType.StartsWith("image/svg", StringComparison.Ordinal))
            {
                // Shown in the browser; the stored report needs nothing beyond its own inline styles and data: images.
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
                return Results.Bytes(file.Content, file.ContentType);
            }
            return Results.File(file.Content, file.ContentType, file.Name);
        });
        return app;
    }
}
