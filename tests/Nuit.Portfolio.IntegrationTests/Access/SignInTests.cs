using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.IntegrationTests.Access;

public sealed class SignInTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A client with only what sign-in gives it: cookies, no token.</summary>
    internal static HttpClient Browser(PortfolioApp app)
    {
        var client = app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler());
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    internal static Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password) =>
        Forms.PostAsync(client, "/account/signin", "/account/signin", ("userName", user), ("password", password), ("returnUrl", "/meetings"));

    [Fact]
    public async Task The_first_admin_signs_in_on_the_page_and_reads_pages_and_the_api_with_the_cookie()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath, seed: false);
        var client = Browser(app);

        var signedIn = await SignInAsync(client, "admin", PortfolioApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/meetings", signedIn.Headers.Location!.OriginalString);
        var page = await client.GetAsync(new Uri("/meetings", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Logg ut", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/meetings", UriKind.Relative), Ct)).StatusCode);

        var wrong = await SignInAsync(Browser(app), "admin", "feil-passord");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Feil brukernavn eller passord.", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_time_password_must_be_changed_before_anything_else()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath, seed: false);
        var kari = await app.SendAsync(new AddUser("Kari", AccessRole.Editor));
        Assert.NotNull(kari.OneTimePassword);
        var client = Browser(app);

        var signedIn = await SignInAsync(client, "kari", kari.OneTimePassword!);
        Assert.Equal("/account/password", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/meetings", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/api/meetings", UriKind.Relative), Ct)).StatusCode);

        var changed = await Forms.PostAsync(client, "/account/password", "/account/password",
            ("currentPassword", kari.OneTimePassword!), ("newPassword", "et-nytt-langt-passord"));
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/meetings", UriKind.Relative), Ct)).StatusCode);
        Assert.Null(await app.SendAsync(new SignIn("kari", kari.OneTimePassword!)));
        Assert.NotNull(await app.SendAsync(new SignIn("KARI", "et-nytt-langt-passord")));
        Assert.DoesNotContain("et-nytt-langt-passord", await app.WithDbAsync(db => Task.FromResult(db.UserAccounts.Single(u => u.UserName == "kari").PasswordHash)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_for_one_name_are_rate_limited()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath, seed: false);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await SignInAsync(Browser(app), "admin", $"gjetning-{i}")).StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
        // Even the right password waits: the limit counts attempts, not failures.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(Browser(app), "admin", PortfolioApp.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_pages_have_no_inline_script_or_style()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        foreach (var url in new[] { "/", "/initiatives/SFM", "/cases/NUIT/31-24", "/meetings", "/indicators", "/indicators/DIGITAL-KONTAKT", "/audit", "/import", "/roadmap", "/reports" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
        }
        Assert.Equal("nosniff", (await app.AnonymousClient().GetAsync(new Uri("/health", UriKind.Relative), Ct)).Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Malformed_input_gets_a_problem_without_internals()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath, seed: false);
        var response = await app.CreateClient().PutAsync(new Uri("/api/indicators/X/values/2024", UriKind.Relative),
            new StringContent("{\"value\": \"ikke et tall\"", System.Text.Encoding.UTF8, "application/json"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode is >= 400 and < 600);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenID_Connect_is_wired_from_configuration_with_roles_from_the_named_claim()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath, seed: false).WithWebHostBuilder(b =>
        {
            b.UseSetting("Auth:Oidc:Authority", "https://login.example.invalid/realms/nuit");
            b.UseSetting("Auth:Oidc:ClientId", "nuit-portfolio");
            b.UseSetting("Auth:Oidc:ClientSecret", "hemmelig");
            b.UseSetting("Auth:Oidc:RoleClaim", "groups");
            b.UseSetting("Auth:Oidc:RoleValues:Editor", "nuit-redaktor");
        });
        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme));
        var oidc = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        Assert.Equal(("https://login.example.invalid/realms/nuit", "nuit-portfolio", "hemmelig", "code"), (oidc.Authority, oidc.ClientId, oidc.ClientSecret, oidc.ResponseType));
        Assert.Equal("preferred_username", oidc.TokenValidationParameters.NameClaimType);

        var settings = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Oidc;
        Assert.Equal(["Editor"], AuthSetup.MapRoles(["nuit-redaktor", "Admin-ish", "andre"], settings));
        Assert.Equal(["Reader", "Admin"], AuthSetup.MapRoles(["reader", "ADMIN"], settings));
    }

    [Fact]
    public async Task Without_OpenID_Connect_configured_there_is_no_such_scheme()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath, seed: false);
        Assert.Null(await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme));
    }
}

/// <summary>Keeps cookies between requests and does not follow redirects, like a browser seen one step at a time.</summary>
internal sealed class CookieContainerHandler : DelegatingHandler
{
    private readonly CookieContainer _cookies = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(new Uri("http://localhost"), request.RequestUri);
        var header = _cookies.GetCookieHeader(uri);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var v in values) _cookies.SetCookies(uri, v);
        return response;
    }
}
