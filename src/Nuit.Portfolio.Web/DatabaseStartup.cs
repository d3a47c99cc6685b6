using Microsoft.Extensions.Options;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Web;

/// <summary>
/// Migrates and seeds before the server takes requests. Hosted services registered by the app start
/// before Kestrel, so no request ever sees an unmigrated database.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services, IOptions<DatabaseOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        DatabaseInitializer.InitializeAsync(services, options.Value.Seed, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
