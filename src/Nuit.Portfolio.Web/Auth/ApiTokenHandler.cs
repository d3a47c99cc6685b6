using System.Security.Claims;
using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Features.Access;

namespace Nuit.Portfolio.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer nuit_…</c>: an API token made with <c>nuit tokens create</c>. Looked up on every
/// request (by hash), so a revoked token stops working at once.
/// </summary>
internal sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        // Open routes (/health, sign-in) need no identity: /health must report a broken database, not fail looking up the token in it.
        if (Context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var identity = await Context.RequestServices.GetRequiredService<ISender>().Send(new AuthenticateApiToken(token), Context.RequestAborted);
        if (identity is null) return AuthenticateResult.Fail("Ukjent eller tilbakekalt token.");
        var claims = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, identity.Name), new Claim(ClaimTypes.Role, identity.Role.ToString())],
            SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
