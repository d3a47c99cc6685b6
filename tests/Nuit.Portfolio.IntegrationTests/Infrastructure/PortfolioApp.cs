using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using System.Net.Http.Headers;

namespace Nuit.Portfolio.IntegrationTests.Infrastructure;

/// <summary>
/// The real web host on a real database file (SQLite, or PostgreSQL when the suite runs on it) in the test's own folder. <see cref="WebApplicationFactory{T}.CreateClient()"/>
/// is signed in as Admin with an API token made through the real token feature; <see cref="CreateClient(AccessRole)"/>
/// and <see cref="AnonymousClient"/> are for the access tests.
/// </summary>
public class PortfolioApp(string databasePath, string? seedDataPath = null, bool seed = true) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (seed && seedDataPath is null && !FreshStart) SeededDatabase.ProvideAt(databasePath);
        foreach (var (key, value) in TestDatabase.Settings(databasePath)) builder.UseSetting(key, value);
        builder.UseSetting("Database:SeedDataPath", seedDataPath ?? RepoRoot.SeedData);
        builder.UseSetting("Database:Seed", seed ? "true" : "false");
        builder.UseSetting("Auth:InitialAdminPassword", AdminPassword);
        // Pages wait for the background work they start before going on, so a test lands on the result, as a user
        // does with a small document; the progress page has tests of its own (Work/BackgroundWorkTests).
        builder.UseSetting("Work:PageWait", "00:01:00");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>
    /// Start on a new database and do the whole first start (migrations, seed, first admin) instead of on a copy of
    /// the seeded database (<see cref="SeededDatabase"/>): for the tests of that start itself.
    /// </summary>
    public bool FreshStart { get; init; }

    /// <summary>More configuration for one test, e.g. <c>["Work:StepDelayMilliseconds"] = "200"</c>.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>The first admin's password in tests (a real start generates a one-time one).</summary>
    public const string AdminPassword = "testpassord-admin-1";

    private readonly Dictionary<AccessRole, string> _tokens = [];

    /// <summary>A client signed in as Admin (with an API token), following redirects.</summary>
    public new HttpClient CreateClient() => ClientAs(AccessRole.Admin, followRedirects: true);

    /// <summary>A client that sends a fresh API token with this role (one token per role and app).</summary>
    public HttpClient CreateClient(AccessRole role, bool followRedirects = true) => ClientAs(role, followRedirects);

    /// <summary>A client that is not signed in; redirects are not followed so a test sees them.</summary>
    public HttpClient AnonymousClient() => ClientAs(null, followRedirects: false);

    /// <summary>
    /// The token goes on every request by a handler below the redirect handler, not as a default header: HttpClient
    /// drops Authorization when it follows a redirect, and a test would land on the sign-in page instead of the result.
    /// </summary>
    private HttpClient ClientAs(AccessRole? role, bool followRedirects)
    {
        var handlers = new List<DelegatingHandler>();
        if (followRedirects) handlers.Add(new RedirectHandler());
        handlers.Add(new CookieContainerHandler());
        if (role is { } r) handlers.Add(new BearerHandler(TokenFor(r)));
        return CreateDefaultClient(new Uri("http://localhost"), [.. handlers]);
    }

    private sealed class BearerHandler(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }

    public string TokenFor(AccessRole role)
    {
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(role, out var token))
                _tokens[role] = token = SendAsync(new CreateApiToken(role, $"test-{role}")).GetAwaiter().GetResult().Token;
            return token;
        }
    }

    /// <summary>
    /// Sends a request through the same mediator the endpoints use, in its own scope; with <paramref name="actingAs"/> as
    /// that person through the API channel (as a script with their token would), otherwise as the system.
    /// </summary>
    public Task<T> SendAsync<T>(Mediator.IRequest<T> request, string? actingAs = null) =>
        InScopeAsync(actingAs, sender => sender.Send(request).AsTask());

    public Task<T> SendAsync<T>(ICommand<T> command, string? actingAs = null) =>
        InScopeAsync(actingAs, sender => sender.Send(command).AsTask());

    public Task<T> SendAsync<T>(IQuery<T> query) => InScopeAsync(null, sender => sender.Send(query).AsTask());

    private async Task<T> InScopeAsync<T>(string? actingAs, Func<ISender, Task<T>> send)
    {
        await using var scope = Services.CreateAsyncScope();
        if (actingAs is not null) scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(actingAs, Channels.Api);
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    public async Task<T> WithDbAsync<T>(Func<PortfolioDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortfolioDbContext>());
    }
}
