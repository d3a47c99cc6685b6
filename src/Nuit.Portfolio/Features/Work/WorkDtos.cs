using System.Text.Json;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Work;

/// <summary>
/// How a piece of long work is going, for the progress page and <c>GET /api/jobs/{id}</c>. <see cref="Step"/> and
/// <see cref="Steps"/> are known only on the instance that runs the work; elsewhere they are null and the page shows
/// the state alone.
/// </summary>
public sealed record WorkStatus(
    Guid Id, string Kind, string State, string StateText, string Title, int? Step, int? Steps, string? StepText,
    int? Percent, string? Message, string? ResultUrl, string RequestedBy, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public bool Finished => State is "succeeded" or "failed";

    /// <summary>One line for people: «Pågår: Tegner figur 3 av 12 (steg 4 av 16)».</summary>
    public string Summary => StepText is null
        ? (Message is null || State == "running" ? StateText : $"{StateText}: {Message}")
        : Step is null or 0 ? $"{StateText}: {StepText}" : $"{StateText}: {StepText} (steg {Step} av {Steps})";
}

/// <summary>Hands queued work to the host's job runner (Hangfire in the web host). Called after the row is stored.</summary>
public interface IWorkQueue
{
    void Enqueue(Guid workId);
}

/// <summary>The "Work" section: how long work is retried, and a slow-down for demonstrations and fault tests.</summary>
public sealed class WorkOptions
{
    public const string SectionName = "Work";

    /// <summary>A process that dies (or a fault that repeats) this many times ends the work as failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Running work whose worker has been silent this long is taken over by another worker (PostgreSQL, several instances).</summary>
    /// <remarks>Only for rows without a lease (from before it); a row with one is free as soon as its lease has passed.</remarks>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a claim holds running work without a heartbeat. The running attempt renews it every <see cref="Heartbeat"/>,
    /// so only a killed process (or one cut off from the database for this long) loses it.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the running attempt renews its lease: a few times within <see cref="Lease"/>, so one missed beat costs nothing.</summary>
    public TimeSpan Heartbeat => Lease / 6;

    /// <summary>How long a page waits for work it started before it shows the progress page instead of the result.</summary>
    public TimeSpan PageWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Pause after each step. 0 in production; tests use it to stop a process in the middle of a report.</summary>
    public int StepDelayMilliseconds { get; set; }
}

internal static class WorkProjections
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The row without the uploaded file (up to 50 MB): what a progress poll, twice a second, and a list need.
    /// </summary>
    public static IQueryable<BackgroundWork> WithoutFile(this IQueryable<BackgroundWork> rows) => rows.Select(w => new BackgroundWork
    {
        Id = w.Id, Kind = w.Kind, State = w.State, Title = w.Title, Input = w.Input, FileName = w.FileName,
        RequestedBy = w.RequestedBy, Attempts = w.Attempts, Result = w.Result, ResultUrl = w.ResultUrl, Message = w.Message,
        CreatedAt = w.CreatedAt, StartedAt = w.StartedAt, LeaseUntil = w.LeaseUntil, FinishedAt = w.FinishedAt,
    });

    /// <summary>Stores new work and then queues it: after the row is committed, so a worker that starts at once finds it.</summary>
    public static async Task<WorkStatus> StoreAndEnqueueAsync(this BackgroundWork work, Data.PortfolioDbContext db, IWorkQueue queue, CancellationToken ct)
    {
        db.BackgroundWork.Add(work);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(work.Id);
        return work.ToStatus(null);
    }

    public static WorkStatus ToStatus(this BackgroundWork w, WorkStep? step)
    {
        var state = w.State.ToString().ToLowerInvariant();
        var running = w.State == WorkState.Running;
        return new WorkStatus(
            w.Id, w.Kind.ToString(), state, StateText(w.State), w.Title,
            running ? step?.Step : null, running ? step?.Steps : null, running ? step?.Text : null,
            w.State == WorkState.Succeeded ? 100 : running && step is { Steps: > 0 } s ? Math.Clamp(100 * s.Step / s.Steps, 0, 99) : null,
            w.Message, w.ResultUrl, w.RequestedBy, w.Attempts, w.CreatedAt, w.StartedAt, w.FinishedAt);
    }

    public static string StateText(WorkState state) => state switch
    {
        WorkState.Queued => "Venter på tur",
        WorkState.Running => "Pågår",
        WorkState.Succeeded => "Ferdig",
        _ => "Feilet",
    };
}
