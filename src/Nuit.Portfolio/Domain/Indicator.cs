namespace Nuit.Portfolio.Domain;

public enum IndicatorDirection
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

public enum Periodicity
{
    Year = 1,
    Quarter = 2,
}

/// <summary>A strategic indicator under a goal, with targets and measured values per period.</summary>
public sealed class Indicator : RoadmapItem
{
    public required string Unit { get; set; }
    public string? Source { get; set; }
    public string? SourceUrl { get; set; }
    public IndicatorDirection Direction { get; set; } = IndicatorDirection.HigherIsBetter;
    public Periodicity Periodicity { get; set; } = Periodicity.Year;
    public string? BaselinePeriod { get; set; }
    public decimal? BaselineValue { get; set; }

    /// <summary>Amber when the value is within this share of the target (0.15 = 15 %), red beyond.</summary>
    public decimal AmberTolerance { get; set; } = 0.15m;

    public List<SubGoal> SubGoals { get; } = [];
    public List<IndicatorTarget> Targets { get; } = [];
    public List<IndicatorValue> Values { get; } = [];
    public override RoadmapItemKind Kind => RoadmapItemKind.Indicator;
}

public sealed class IndicatorTarget
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }

    /// <summary>"2025" for a year, "2025-Q1" for a quarter; see <see cref="Period"/>.</summary>
    public required string Period { get; set; }
    public decimal Value { get; set; }

    /// <summary>The case whose decision set the target, e.g. NUIT 31/24.</summary>
    public int? SetByCaseId { get; set; }
    public Case? SetByCase { get; set; }
    public string? Note { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public sealed class IndicatorValue
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public required string Period { get; set; }
    public decimal Value { get; set; }
    public required string Source { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>Status of a goal, sub-goal or initiative for one quarter. History is kept: one row per report.</summary>
public sealed class StatusUpdate
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public RoadmapItem? Item { get; set; }

    /// <summary>Stored as "2025-Q1" so it sorts as text.</summary>
    public required Quarter Quarter { get; set; }
    public RagStatus Rag { get; set; }
    public string? Narrative { get; set; }
    public required string Author { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
