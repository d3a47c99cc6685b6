namespace Nuit.Portfolio.Domain;

/// <summary>
/// A closed plan year ("Plan for realisering 2025") kept as it stood when the next year was started.
/// The live roadmap tables are always the current plan (<see cref="Strategy.PlanYear"/>); earlier years
/// are frozen JSON snapshots, so nothing else in the model has to know about plan years (ADR 8).
/// </summary>
public sealed class PlanVersion
{
    public int Id { get; set; }
    public int PlanYear { get; set; }
    public required string PlanName { get; set; }

    /// <summary>The roadmap as JSON (items, milestones, indicator targets); see Features/Roadmap/PlanSnapshot.</summary>
    public required string Snapshot { get; set; }

    public DateTimeOffset ClosedAt { get; set; }
    public required string ClosedBy { get; set; }
}
