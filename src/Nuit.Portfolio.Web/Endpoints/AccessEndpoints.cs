using Mediator;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Endpoints;

/// <summary>Users and API tokens (Admin), and the audit trail with its export (Reader).</summary>
public static class AccessEndpoints
{
    public sealed record UserInput(string UserName, AccessRole Role, string? Password);

    /// <summary>What to change; <c>expectedVersion</c> from GET /api/users makes a stale change a 409.</summary>
    public sealed record UserChangeInput(AccessRole? Role, bool? Disabled, Guid? ExpectedVersion);

    public sealed record TokenInput(AccessRole Role, string? Name);

    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api").WithTags("Tilgang").RequireAuthorization(Policies.Admin);
        admin.MapPost("/users", async (UserInput input, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new AddUser(input.UserName, input.Role, input.Password), ct)));
        admin.MapGet("/users", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListUsers(), ct)));
        admin.MapPatch("/users/{name}", async (string name, UserChangeInput input, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ChangeUser(name, input.Role, input.Disabled, input.ExpectedVersion), ct)));
        admin.MapPost("/users/{name}/reset-password", async (string name, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ResetPassword(name), ct)));
        admin.MapGet("/tokens", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListApiTokens(), ct)));
        admin.MapPost("/tokens", async (TokenInput input, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CreateApiToken(input.Role, input.Name), ct)));
        admin.MapDelete("/tokens/{idOrName}", async (string idOrName, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RevokeApiToken(idOrName), ct)));

        var audit = app.MapGroup("/api/audit").WithTags("Tilgang").RequireAuthorization(Policies.Reader);
        audit.MapGet("", async (string? item, string? subject, int? limit, bool? withoutNames, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetAuditTrail(item, subject, limit ?? 500, withoutNames ?? false), ct)));
        audit.MapGet("/export.csv", (string? item, bool? withoutNames, ISender sender, CancellationToken ct) =>
            ExportAudit(new ExportAuditTrail(withoutNames ?? false, item, AuditFileFormat.Csv), sender, ct));
        audit.MapGet("/export.xlsx", (string? item, bool? withoutNames, ISender sender, CancellationToken ct) =>
            ExportAudit(new ExportAuditTrail(withoutNames ?? false, item, AuditFileFormat.Xlsx), sender, ct));
        return app;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult> ExportAudit(ExportAuditTrail request, ISender sender, CancellationToken ct)
    {
        var export = await sender.Send(request, ct);
        return TypedResults.File(export.Content, export.ContentType, export.FileName);
    }
}
