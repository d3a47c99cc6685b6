using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Nuit.Portfolio.Features.Access;

namespace Nuit.Portfolio.Web.Auth;

/// <summary>
/// A local sign-in cookie carries the account's Version. An admin's change (disable, role, password reset) gives
/// the account a new one, so the cookie is refused at its next request and the person must sign in again.
/// OpenID Connect sessions have no account row here and are left alone.
/// </summary>
internal static class LocalSession
{
    public const string AuthenticationType = "local";
    public const string VersionClaim = "nuit:user_version";

    public static ClaimsPrincipal Principal(SignedInUser user)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(VersionClaim, user.Version.ToString()),
        ];
        if (user.MustChangePassword) claims.Add(new Claim(AuthSetup.MustChangePasswordClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Identity is not { AuthenticationType: AuthenticationType, Name: { Length: > 0 } name }) return;
        // Open routes (/health, sign-in) need no identity: /health must report a broken database, not fail checking a cookie in it.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null) return;
        var current = await context.HttpContext.RequestServices.GetRequiredService<ISender>()
            .Send(new CheckSession(name), context.HttpContext.RequestAborted);
        if (current is { } version && context.Principal.FindFirst(VersionClaim)?.Value == version.ToString()) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
