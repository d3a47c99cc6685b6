using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Web.Auth;

/// <summary>
/// Sign-in and roles for the whole service: a policy scheme picks the API token handler when a request has
/// <c>Authorization: Bearer</c> and the cookie otherwise (so tokens work on pages too); the cookie is issued by the
/// local sign-in page or, when configured, by OpenID Connect. Everything needs Reader unless marked otherwise.
/// </summary>
public static class AuthSetup
{
    public const string SmartScheme = "nuit";
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string MustChangePasswordClaim = "nuit:must_change_password";
    public const string SignInRateLimit = "signin";

    public static WebApplicationBuilder AddPortfolioAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(AuthOptions.SectionName);
        services.Configure<AuthOptions>(section);
        var options = section.Get<AuthOptions>() ?? new AuthOptions();

        services.AddHttpContextAccessor();
        services.AddSingleton<SignInThrottle>();

        var auth = services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Token eller informasjonskapsel", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "nuit.auth";
                o.Cookie.HttpOnly = true;
                // Lax keeps the cookie off cross-site POSTs, so the upload APIs that skip antiforgery cannot be forged.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/signin";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.Events.OnRedirectToLogin = context =>
                {
                    if (IsApi(context.Request)) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    else if (options.Oidc.Enabled) return context.HttpContext.ChallengeAsync(OidcScheme, new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString });
                    else context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = context => Forbidden(context.HttpContext);
                o.Events.OnValidatePrincipal = LocalSession.ValidateAsync;
            });

        if (options.Oidc.Enabled) auth.AddOpenIdConnect(OidcScheme, o => ConfigureOidc(o, options.Oidc));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Reader, p => p.RequireRole(Policies.RolesAtLeast(AccessRole.Reader)))
            .AddPolicy(Policies.Editor, p => p.RequireRole(Policies.RolesAtLeast(AccessRole.Editor)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Policies.RolesAtLeast(AccessRole.Admin)))
            // Whatever is not marked otherwise needs a signed-in Reader: a new page or endpoint is closed by default.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(Policies.RolesAtLeast(AccessRole.Reader)).Build());

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per address, across user names: slows down guessing many accounts from one place.
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "ukjent",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(20, options.SignInAttemptsPerMinute * 4), Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    /// <summary>Roles come from the organisation's claim, mapped onto Reader / Editor / Admin; an unknown value gives no role.</summary>
    internal static void ConfigureOidc(OpenIdConnectOptions o, OidcOptions settings)
    {
        o.Authority = settings.Authority;
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.SaveTokens = false;
        o.MapInboundClaims = false;
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile" }) o.Scope.Add(scope);
        o.TokenValidationParameters.NameClaimType = settings.NameClaim;
        o.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
        o.Events.OnTokenValidated = context =>
        {
            if (context.Principal?.Identity is not ClaimsIdentity identity) return Task.CompletedTask;
            foreach (var role in MapRoles(identity.FindAll(settings.RoleClaim).Select(c => c.Value), settings))
                identity.AddClaim(new Claim(ClaimTypes.Role, role));
            return Task.CompletedTask;
        };
    }

    internal static IEnumerable<string> MapRoles(IEnumerable<string> values, OidcOptions settings)
    {
        var set = values.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var role in Enum.GetNames<AccessRole>())
        {
            var expected = settings.RoleValues.TryGetValue(role, out var v) ? v : role;
            if (set.Contains(expected)) yield return role;
        }
    }

    /// <summary>Routes for programs (the API and its OpenAPI document): they get status codes, never a redirect to a page.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    /// <summary>403 in words: a problem document for the API, a page for people.</summary>
    internal static async Task Forbidden(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        const string title = "Ingen tilgang";
        const string detail = "Rollen din gir ikke tilgang til dette. Be en administrator om en annen rolle.";
        if (IsApi(context.Request) || !context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 403, Title = title, Detail = detail },
            });
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(ErrorHandler.ErrorPage(title, detail));
    }
}
