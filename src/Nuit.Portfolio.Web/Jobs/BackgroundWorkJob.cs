using Hangfire;
using Hangfire.InMemory;
using Mediator;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Features.Work;

namespace Nuit.Portfolio.Web.Jobs;

/// <summary>
/// Runs a piece of background work (a report, an import) by its id. Thin: <see cref="RunWork"/> claims the row, so a
/// second run of the same job, from a retry or a second instance, does nothing.
/// </summary>
public sealed class BackgroundWorkJob(ISender sender)
{
    // A fault that is not the user's (a locked database, a full disk) gets two more tries; RunWork counts the attempts
    // itself too, so a process that dies and is restarted does not try for ever either.
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [5, 30], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid workId, CancellationToken cancellationToken)
    {
        var status = await sender.Send(new RunWork(workId), cancellationToken);
        // Not claimed and not finished: another attempt holds the row (or held it when it died). Hangfire must not mark
        // this job succeeded; it tries again after its pause, when the row may be free (issue 23).
        if (status is { Finished: false })
            throw new InvalidOperationException($"Bakgrunnsarbeid {workId} er {status.StateText.ToLowerInvariant()} i et annet forsøk; prøver igjen senere.");
    }
}

/// <summary>Hangfire as the queue behind <see cref="IWorkQueue"/>.</summary>
internal sealed class HangfireWorkQueue(IBackgroundJobClient jobs) : IWorkQueue
{
    public void Enqueue(Guid workId) => jobs.Enqueue<BackgroundWorkJob>(j => j.RunAsync(workId, CancellationToken.None));
}

/// <summary>
/// Queues again the work a stopped or killed process left unfinished: at start, and then every 15 seconds for work
/// that has waited in the queue for half a minute (a job the scheduler lost, or a process that died between storing
/// the row and queueing it). Running the same work twice is harmless: RunWork claims it first. The embedded scheduler forgot
/// everything at start (it lives in memory) and is the only instance, so all unfinished work is taken then; with
/// PostgreSQL, where Hangfire keeps its queue and several instances may run, only work that has been silent a while.
/// </summary>
internal sealed class WorkRecovery(
    IServiceProvider services, JobStorage storage, IWorkQueue queue, IOptions<WorkOptions> options, ILogger<WorkRecovery> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    /// <summary>Queued work older than this is queued again; a duplicate finds the work claimed or done and does nothing.</summary>
    public static readonly TimeSpan Waited = TimeSpan.FromSeconds(30);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // At start, before the first request: what the last process left is queued before anything new.
        var embedded = storage is InMemoryStorage;
        var ids = await RecoverAsync(embedded ? new RecoverWork(TimeSpan.Zero, TimeSpan.Zero) : new RecoverWork(options.Value.StaleAfter, TimeSpan.FromMinutes(10)), cancellationToken);
        if (ids.Count > 0) log.LogWarning("{Count} uferdige bakgrunnsjobber fra forrige kjøring er satt i kø igjen", ids.Count);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new TidyWork(), cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var ids = await RecoverAsync(new RecoverWork(options.Value.StaleAfter, Waited), stoppingToken);
                if (ids.Count > 0) log.LogWarning("{Count} bakgrunnsjobber har ventet i over et halvt minutt og er satt i kø igjen", ids.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A locked or unreachable database now is no reason to stop looking next minute.
                log.LogWarning(ex, "Kunne ikke se etter ventende bakgrunnsjobber");
            }
        }
    }

    private async Task<IReadOnlyList<Guid>> RecoverAsync(RecoverWork request, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, ct);
        foreach (var id in ids) queue.Enqueue(id);
        return ids;
    }
}
