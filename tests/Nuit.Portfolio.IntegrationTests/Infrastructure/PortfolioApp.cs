using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.IntegrationTests.Infrastructure;

/// <summary>The real web host on a real SQLite file in the test's own folder.</summary>
public class PortfolioApp(string databasePath, string? seedDataPath = null, bool seed = true) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestDatabase.Settings(databasePath)) builder.UseSetting(key, value);
        builder.UseSetting("Database:SeedDataPath", seedDataPath ?? RepoRoot.SeedData);
        builder.UseSetting("Database:Seed", seed ? "true" : "false");
    }

    /// <summary>Sends a request through the same mediator the endpoints use, in its own scope.</summary>
    public async Task<T> SendAsync<T>(Mediator.IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request);
    }

    public async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    public async Task<T> WithDbAsync<T>(Func<PortfolioDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortfolioDbContext>());
    }
}
