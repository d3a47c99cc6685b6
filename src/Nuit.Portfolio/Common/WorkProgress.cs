using System.Collections.Concurrent;

namespace Nuit.Portfolio.Common;

/// <summary>One step of long work: «Tegner figur 3 av 12».</summary>
public sealed record WorkStep(int Step, int Steps, string Text);

/// <summary>
/// Where long work (a report, a PDF import) says how far it has come. Handlers call <see cref="Report"/>; the
/// background runner listens and puts the steps on the <see cref="WorkBoard"/>; everywhere else nobody listens and a
/// report costs nothing. Scoped: each unit of work has its own.
/// </summary>
public sealed class WorkProgress
{
    public Action<WorkStep>? Listener { get; set; }

    public void Report(int step, int steps, string text) => Listener?.Invoke(new WorkStep(step, steps, text));
}

/// <summary>
/// The latest step of the work this process is running, for the progress page. Kept in memory, not in the database:
/// on SQLite a progress write from another connection would wait for the import's own write lock. The database row
/// still says queued / running / done, so an instance that is not running the work can say that much.
/// </summary>
public sealed class WorkBoard
{
    private readonly ConcurrentDictionary<Guid, WorkStep> _steps = new();

    /// <summary>
    /// Keeps the furthest step: charts are drawn in parallel and may report 3 before 2. A new count of steps (the
    /// charts counted, the pages of a PDF known) always replaces the old.
    /// </summary>
    public void Set(Guid id, WorkStep step) =>
        _steps.AddOrUpdate(id, step, (_, old) => step.Steps != old.Steps || step.Step >= old.Step ? step : old);

    public WorkStep? Get(Guid id) => _steps.TryGetValue(id, out var step) ? step : null;

    public void Remove(Guid id) => _steps.TryRemove(id, out _);

    private readonly ConcurrentDictionary<Guid, int> _died = new();

    /// <summary>
    /// An attempt of this process died and could not even be put back in the queue (the database went away with it):
    /// its row still says running with this attempt number, but nobody runs it. The next job for it in this process
    /// claims it again at once instead of waiting for <c>Work:StaleAfter</c> (issue 23).
    /// </summary>
    public void Died(Guid id, int attempt) => _died[id] = attempt;

    /// <summary>The attempt of this work that died here and is still marked running, if any.</summary>
    public int? DiedAttempt(Guid id) => _died.TryGetValue(id, out var attempt) ? attempt : null;

    public void Forget(Guid id) => _died.TryRemove(id, out _);

    private readonly ConcurrentDictionary<Guid, byte> _running = new();

    /// <summary>
    /// Work an attempt in this process is running now. Its lease may pass while a SQLite write lock holds back the
    /// heartbeat; this process still knows it is alive, so neither its own next job nor its sweep takes the work.
    /// </summary>
    public bool IsRunningHere(Guid id) => _running.ContainsKey(id);

    public void RunningHere(Guid id, bool running)
    {
        if (running) _running[id] = 0;
        else _running.TryRemove(id, out _);
    }
}
