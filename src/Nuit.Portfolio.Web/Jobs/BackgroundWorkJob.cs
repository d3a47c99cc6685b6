using Hangfire;
using Hangfire.InMemory;
using Mediator;
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
    public async Task RunAsync(Guid workId, CancellationToken cancellationToken) =>
        await sender.Send(new RunWork(workId), cancellationToken);
}

/// <summary>Hangfire as the queue behind <see cref="IWorkQueue"/>.</summary>
internal sealed class HangfireWorkQueue(IBackgroundJobClient jobs) : IWorkQueue
{
    public void Enqueue(Guid workId) => jobs.Enqueue<BackgroundWorkJob>(j => j.RunAsync(workId, CancellationToken.None));
}

/// <summary>
/// At start, queues again the work a stopped or killed process left unfinished. The embedded scheduler forgot it
/// (it lives in memory) and is the only instance, so all unfinished work is taken; with PostgreSQL, where Hangfire keeps
/// its queue and several instances may run, only work that has been silent for a while.
/// </summary>
internal sealed class WorkRecovery(IServiceProvider services, JobStorage storage, IWorkQueue queue, ILogger<WorkRecovery> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var embedded = storage is InMemoryStorage;
        await using var scope = services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<ISender>().Send(embedded
            ? new RecoverWork(TimeSpan.Zero, TimeSpan.Zero)
            : new RecoverWork(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(10)), cancellationToken);
        foreach (var id in ids) queue.Enqueue(id);
        if (ids.Count > 0) log.LogWarning("{Count} uferdige bakgrunnsjobber fra forrige kjøring er satt i kø igjen", ids.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
