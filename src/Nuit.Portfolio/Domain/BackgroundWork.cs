namespace Nuit.Portfolio.Domain;

/// <summary>Long work that people start from a page or the API and follow on a progress page.</summary>
public enum WorkKind
{
    /// <summary>Build (and perhaps publish) a quarterly report.</summary>
    Report = 1,

    /// <summary>Read and parse a meeting document and show what an import would create (a dry run).</summary>
    ImportPreview = 2,

    /// <summary>Import a meeting document for real.</summary>
    Import = 3,
}

public enum WorkState
{
    Queued = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
}

/// <summary>
/// One piece of long work, kept in the database rather than only in the job scheduler: the embedded scheduler keeps
/// its queue in memory, so after a crash or restart these rows are what is run again (see RecoverWork), and any
/// instance can tell a waiting user how the work went.
/// </summary>
public sealed class BackgroundWork
{
    public Guid Id { get; set; }
    public WorkKind Kind { get; set; }
    public WorkState State { get; set; }

    /// <summary>What the user sees, e.g. «Kvartalsrapport for 1. kvartal 2025».</summary>
    public required string Title { get; set; }

    /// <summary>The request's parameters as JSON (quarter, publish …), so the work can be run again after a crash.</summary>
    public required string Input { get; set; }

    /// <summary>The uploaded file for an import; removed when it is no longer needed.</summary>
    public byte[]? Payload { get; set; }
    public string? FileName { get; set; }

    public required string RequestedBy { get; set; }

    /// <summary>How many times a worker has started it; a process that dies every time is not restarted for ever.</summary>
    public int Attempts { get; set; }

    /// <summary>The outcome as JSON (for an import preview: what would be created), for the page that shows it.</summary>
    public string? Result { get; set; }

    /// <summary>Where the user goes when the work is done, e.g. the report list or the import preview.</summary>
    public string? ResultUrl { get; set; }

    /// <summary>A one-sentence summary of the outcome, or why it failed.</summary>
    public string? Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>
    /// Until when the running attempt holds the work: set by the claim and pushed on by the attempt's heartbeat every
    /// few seconds. An attempt whose process was killed stops renewing it, so another worker may claim the row once it
    /// has passed (seconds, not <c>Work:StaleAfter</c>; issue 23). Null on rows from before the lease.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
