using Mediator;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Features.Access;

namespace Nuit.Portfolio.Web.Auth;

/// <summary>
/// First start: creates the local admin account after the database is ready (registered after DatabaseStartup,
/// and hosted services start in order). A generated one-time password is printed to the console and logged, once.
/// </summary>
internal sealed class InitialAdminStartup(IServiceProvider services, IOptions<AuthOptions> options, ILogger<InitialAdminStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new EnsureInitialAdmin(options.Value.InitialAdminPassword), cancellationToken);
        if (created?.OneTimePassword is not { } password) return;
        log.LogWarning("Første oppstart: brukeren {User} er opprettet med engangspassordet {Password}. Det må byttes ved første innlogging.",
            created.UserName, password);
        Console.WriteLine($"Første oppstart: logg inn som «{created.UserName}» med engangspassordet: {password}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
