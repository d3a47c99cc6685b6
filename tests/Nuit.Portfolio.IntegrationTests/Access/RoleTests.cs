using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Access;

/// <summary>One seeded app shared by the role table: every endpoint group against anonymous, Reader, Editor and Admin.</summary>
public sealed class RoleFixture : IAsyncDisposable
{
    private readonly TestFolder _folder = new();

    public RoleFixture() => App = new PortfolioApp(_folder.DatabasePath);

    public PortfolioApp App { get; }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }
}

public sealed class RoleTests(RoleFixture fixture) : IClassFixture<RoleFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>At least one route of each endpoint group, with the lowest role that may use it.</summary>
    public static readonly (string Method, string Path, string? Json, AccessRole Needs)[] Routes =
    [
        ("GET", "/api/goals", null, AccessRole.Reader),
        ("GET", "/api/initiatives/SFM", null, AccessRole.Reader),
        ("GET", "/api/indicators/DIGITAL-KONTAKT", null, AccessRole.Reader),
        ("GET", "/api/meetings", null, AccessRole.Reader),
        ("GET", "/api/cases/NUIT/31-24", null, AccessRole.Reader),
        ("GET", "/api/items/SFM/cases", null, AccessRole.Reader),
        ("GET", "/api/cases/NUIT/31-24/links", null, AccessRole.Reader),
        ("GET", "/api/search?q=SFM", null, AccessRole.Reader),
        ("GET", "/api/exports/indicators.xlsx", null, AccessRole.Reader),
        ("GET", "/api/audit", null, AccessRole.Reader),
        ("GET", "/api/audit/export.csv", null, AccessRole.Reader),
        ("GET", "/openapi/v1.json", null, AccessRole.Reader),
        ("PUT", "/api/indicators/DIGITAL-KONTAKT/values/2024", """{"value":61,"source":"test"}""", AccessRole.Editor),
        ("PUT", "/api/indicators/DIGITAL-KONTAKT/targets/2026", """{"value":70}""", AccessRole.Editor),
        ("POST", "/api/cases/NUIT/31-24/links/confirm", """{"item":"SFM"}""", AccessRole.Editor),
        ("PUT", "/api/items/SFM/aliases", """{"add":["forskrivningsmodulen"]}""", AccessRole.Editor),
        ("POST", "/api/links/refresh", "{}", AccessRole.Editor),
        ("POST", "/api/imports", null, AccessRole.Editor),
        ("POST", "/api/indicators/values", null, AccessRole.Editor),
        ("GET", "/api/reports", null, AccessRole.Reader),
        ("GET", "/api/status/SFM", null, AccessRole.Reader),
        ("POST", "/api/status/SFM", """{"quarter":"2025-Q3","rag":"green"}""", AccessRole.Editor),
        ("POST", "/api/initiatives/SFM/milestones", """{"name":"Pilot","planned":"2026-06-30"}""", AccessRole.Editor),
        ("GET", "/api/tokens", null, AccessRole.Admin),
        ("POST", "/api/tokens", """{"role":"Reader","name":"fra-tabellen"}""", AccessRole.Admin),
        ("DELETE", "/api/tokens/finnes-ikke", null, AccessRole.Admin),
        ("POST", "/api/users", """{"userName":"tabell","role":"Reader"}""", AccessRole.Admin),
        ("GET", "/api/users", null, AccessRole.Admin),
        ("PATCH", "/api/users/finnes-ikke", """{"disabled":true}""", AccessRole.Admin),
        ("POST", "/api/users/finnes-ikke/reset-password", null, AccessRole.Admin),
    ];

    public static TheoryData<int, AccessRole?> Cases()
    {
        var data = new TheoryData<int, AccessRole?>();
        for (var i = 0; i < Routes.Length; i++)
            foreach (var role in new AccessRole?[] { null, AccessRole.Reader, AccessRole.Editor, AccessRole.Admin })
                data.Add(i, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_exactly_what_its_role_allows(int route, AccessRole? role)
    {
        var (method, path, json, needs) = Routes[route];
        var client = role is { } r ? fixture.App.CreateClient(r, followRedirects: false) : fixture.App.AnonymousClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        else if (method == "POST") request.Content = new MultipartFormDataContent();

        var response = await client.SendAsync(request, Ct);

        var expected = role is null ? "401" : role < needs ? "403" : "allowed";
        var actual = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "401",
            HttpStatusCode.Forbidden => "403",
            HttpStatusCode.Found or HttpStatusCode.Redirect => "redirect",
            _ => "allowed",
        };
        Assert.True(expected == actual, $"{method} {path} som {role?.ToString() ?? "anonym"}: ventet {expected}, fikk {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public void Every_api_route_requires_a_role_and_every_change_needs_Editor_or_Admin()
    {
        // Guards routes added later (reports, roadmap edits …): none may be open, none may change data as a Reader.
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(endpoints);
        foreach (var e in endpoints)
        {
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(e.Metadata.GetMetadata<IAllowAnonymous>() is null, $"{e.DisplayName} er åpen for alle");
            Assert.True(policies.Count > 0, $"{e.DisplayName} krever ingen rolle");
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
            if (methods.Any(m => m is not ("GET" or "HEAD")))
                Assert.True(policies.Intersect(["Editor", "Admin"]).Any(), $"{e.DisplayName} endrer data, men krever ikke Editor");
        }
    }

    [Fact]
    public async Task Health_is_open_and_everything_else_is_not()
    {
        var anonymous = fixture.App.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/health", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/goals", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/css/site.css", UriKind.Relative), Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/initiatives/SFM")]
    [InlineData("/meetings")]
    [InlineData("/audit")]
    [InlineData("/import")]
    public async Task Pages_send_the_anonymous_to_sign_in(string page)
    {
        var response = await fixture.App.AnonymousClient().GetAsync(new Uri(page, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Reader_reads_pages_but_may_not_import_or_confirm_and_an_Editor_may()
    {
        var reader = fixture.App.CreateClient(AccessRole.Reader, followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/initiatives/SFM", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/audit", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(new Uri("/import", UriKind.Relative), Ct)).StatusCode);

        var link = (await fixture.App.SendAsync(new Features.Linking.GetCaseLinks("NUIT 33/24"))).Single(l => l.Item == "SFM");
        (string, string)[] decide = [("caseKey", "NUIT 33/24"), ("decision", "confirm"), ("version", link.Version.ToString())];
        var refused = await Forms.PostAsync(reader, "/initiatives/SFM", "/initiatives/SFM?handler=Decide", decide);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(LinkState.Suggested, (await fixture.App.SendAsync(new Features.Linking.GetCaseLinks("NUIT 33/24"))).Single(l => l.Item == "SFM").State);

        var editor = fixture.App.CreateClient(AccessRole.Editor, followRedirects: false);
        var done = await Forms.PostAsync(editor, "/initiatives/SFM", "/initiatives/SFM?handler=Decide", decide);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(LinkState.Confirmed, (await fixture.App.SendAsync(new Features.Linking.GetCaseLinks("NUIT 33/24"))).Single(l => l.Item == "SFM").State);
    }

    [Fact]
    public async Task The_Hangfire_dashboard_is_for_Admin_only()
    {
        var anonymous = await fixture.App.AnonymousClient().GetAsync(new Uri("/hangfire", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        foreach (var role in new[] { AccessRole.Reader, AccessRole.Editor })
            Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClient(role).GetAsync(new Uri("/hangfire", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.CreateClient(AccessRole.Admin).GetAsync(new Uri("/hangfire", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_the_next_request()
    {
        var made = await fixture.App.SendAsync(new CreateApiToken(AccessRole.Reader, "skal-tilbakekalles"));
        var client = fixture.App.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", made.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/goals", UriKind.Relative), Ct)).StatusCode);
        // Pages take the token too, so scripts and monitoring can read them.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/meetings", UriKind.Relative), Ct)).StatusCode);

        var admin = fixture.App.CreateClient();
        var revoked = await admin.DeleteAsync(new Uri($"/api/tokens/{made.Id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/goals", UriKind.Relative), Ct)).StatusCode);
        var tokens = await admin.GetFromJsonAsync<List<ApiTokenInfo>>("/api/tokens", Ct);
        Assert.NotNull(Assert.Single(tokens!, t => t.Id == made.Id).RevokedAt);
        // Only the hash is stored.
        Assert.DoesNotContain(made.Token, await fixture.App.WithDbAsync(db => Task.FromResult(string.Join(",", db.ApiTokens.Select(t => t.Hash)))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_made_up_token_is_refused()
    {
        var client = fixture.App.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "nuit_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/goals", UriKind.Relative), Ct)).StatusCode);
    }
}
