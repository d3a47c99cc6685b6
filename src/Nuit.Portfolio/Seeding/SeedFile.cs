namespace Nuit.Portfolio.Seeding;

// The shape of seed-data/strategy.json. `required` makes a missing field a clear error naming its path.

public sealed record SeedFile
{
    public required SeedStrategy Strategy { get; init; }
    public IReadOnlyList<SeedOrganisation> Organisations { get; init; } = [];
    public required IReadOnlyList<SeedGoal> Goals { get; init; }
    public IReadOnlyList<SeedInitiative> Initiatives { get; init; } = [];
    public IReadOnlyList<SeedIndicator> Indicators { get; init; } = [];

    /// <summary>Meeting documents (paths relative to the seed folder) imported on first start.</summary>
    public IReadOnlyList<string> MeetingDocuments { get; init; } = [];
}

public sealed record SeedStrategy
{
    public required string Name { get; init; }
    public required int FirstYear { get; init; }
    public required int LastYear { get; init; }
    public string? PlanName { get; init; }
    public int? PlanYear { get; init; }
    public string? Source { get; init; }
}

public sealed record SeedOrganisation
{
    public required string Name { get; init; }
    public string? ShortName { get; init; }
}

public sealed record SeedGoal
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Source { get; init; }
    public IReadOnlyList<SeedSubGoal> SubGoals { get; init; } = [];
}

public sealed record SeedSubGoal
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

public sealed record SeedInitiative
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Owner { get; init; }
    public string? Phase { get; init; }

    /// <summary>Sub-goals the initiative serves, by code; only where a source says so.</summary>
    public IReadOnlyList<string> SubGoals { get; init; } = [];
    public IReadOnlyList<SeedMilestone> Milestones { get; init; } = [];
}

public sealed record SeedMilestone
{
    public required string Name { get; init; }
    public string? Planned { get; init; }
    public string? Forecast { get; init; }
    public string? Actual { get; init; }
    public required string Source { get; init; }
}

public sealed record SeedIndicator
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Goal { get; init; }
    public required string Unit { get; init; }
    public string Direction { get; init; } = "higher";
    public string Periodicity { get; init; } = "year";
    public string? Source { get; init; }
    public string? SourceUrl { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<SeedValue> Values { get; init; } = [];
    public IReadOnlyList<SeedValue> Targets { get; init; } = [];
}

public sealed record SeedValue
{
    public required string Period { get; init; }
    public required decimal Value { get; init; }
    public string? Source { get; init; }
    public string? Note { get; init; }
}
