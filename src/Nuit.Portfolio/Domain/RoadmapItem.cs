namespace Nuit.Portfolio.Domain;

public enum RoadmapItemKind
{
    Goal = 1,
    SubGoal = 2,
    Initiative = 3,
    Indicator = 4,
}

/// <summary>
/// Anything a case can touch and a status can be given for: goal, sub-goal, initiative or indicator.
/// One table (TPH) so that codes are unique across kinds ("cases --touching SFM" needs no kind), and
/// links, statuses and aliases point at a single key.
/// </summary>
public abstract class RoadmapItem
{
    public int Id { get; set; }

    /// <summary>Stable code: M1, 1A, SFM, M1-DIGITAL-KONTAKT. Unique across all kinds.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>Names the texts actually use (SFM, "pasientens legemiddelliste"); curated by users.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>The goal this item sits under; null for goals themselves and for initiatives not yet placed.</summary>
    public int? GoalId { get; set; }
    public Goal? Goal { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Set when retired; retired items stay for history (links, statuses) but leave the roadmap.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public abstract RoadmapItemKind Kind { get; }

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<StatusUpdate> StatusUpdates { get; } = [];
}

public sealed class Goal : RoadmapItem
{
    public int StrategyId { get; set; }
    public Strategy? Strategy { get; set; }
    public override RoadmapItemKind Kind => RoadmapItemKind.Goal;
}

public sealed class SubGoal : RoadmapItem
{
    public List<Initiative> Initiatives { get; } = [];
    public override RoadmapItemKind Kind => RoadmapItemKind.SubGoal;
}

/// <summary>Delivery phases used on the roadmap (veikart).</summary>
public enum InitiativePhase
{
    Konsept = 1,
    NasjonalUtvikling = 2,
    Tilpasning = 3,
    Innforing = 4,
    NyPraksisIBruk = 5,
}

public enum InitiativeStatus
{
    Active = 1,
    Completed = 2,
    Paused = 3,
}

public sealed class Initiative : RoadmapItem
{
    /// <summary>As the strategy documents state it, e.g. "Helsedirektoratet / NHN"; several organisations can share ownership.</summary>
    public string? Owner { get; set; }
    public InitiativePhase? Phase { get; set; }
    public InitiativeStatus Status { get; set; } = InitiativeStatus.Active;
    public List<SubGoal> SubGoals { get; } = [];
    public List<Milestone> Milestones { get; } = [];
    public override RoadmapItemKind Kind => RoadmapItemKind.Initiative;
}

public sealed class Milestone
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public required string Name { get; set; }
    public DateOnly? PlannedDate { get; set; }
    public DateOnly? ForecastDate { get; set; }
    public DateOnly? ActualDate { get; set; }

    /// <summary>Where the date comes from, e.g. "NUIT 32/24".</summary>
    public string? Source { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>A slip is a forecast later than planned.</summary>
    public bool IsSlipped => PlannedDate is { } p && ForecastDate is { } f && f > p && ActualDate is null;
}

public static class InitiativePhases
{
    public static string ToDisplayString(this InitiativePhase phase) => phase switch
    {
        InitiativePhase.Konsept => "Konsept",
        InitiativePhase.NasjonalUtvikling => "Nasjonal utvikling",
        InitiativePhase.Tilpasning => "Tilpasning",
        InitiativePhase.Innforing => "Innføring",
        InitiativePhase.NyPraksisIBruk => "Ny praksis i bruk",
        _ => phase.ToString(),
    };
}
