using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Work;

/// <summary>
/// Keeps the lease of running work (<see cref="BackgroundWork.LeaseUntil"/>) alive while its attempt runs: every
/// <see cref="WorkOptions.Heartbeat"/> it pushes the lease <see cref="WorkOptions.Lease"/> ahead. It writes from a scope
/// of its own, as the work's own context is busy with the work. A missed beat (the database restarting) is only logged:
/// the lease is several beats long. It stops when the attempt ends, or when the row is no longer this attempt's.
/// </summary>
public sealed class WorkHeartbeat(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WorkOptions> options, ILogger<WorkHeartbeat> log)
{
    public IAsyncDisposable Start(Guid id, int attempt)
    {
        var stop = new CancellationTokenSource();
        return new Beat(stop, Task.Run(() => BeatAsync(id, attempt, stop.Token), CancellationToken.None));
    }

    private async Task BeatAsync(Guid id, int attempt, CancellationToken ct)
    {
        var o = options.Value;
        try
        {
            using var timer = new PeriodicTimer(o.Heartbeat, clock);
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<PortfolioDbContext>();
                    var until = clock.GetUtcNow() + o.Lease;
                    var renewed = await db.BackgroundWork
                        .Where(w => w.Id == id && w.State == WorkState.Running && w.Attempts == attempt)
                        .ExecuteUpdateAsync(s => s.SetProperty(w => w.LeaseUntil, until), ct);
                    if (renewed == 0) return;   // finished, put back in the queue, or taken over
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogInformation("Bakgrunnsarbeid {Id}: leien kunne ikke fornyes nå ({Error})", id, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The attempt ended.
        }
    }

    private sealed class Beat(CancellationTokenSource stop, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }
}
