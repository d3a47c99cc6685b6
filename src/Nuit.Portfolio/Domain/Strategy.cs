namespace Nuit.Portfolio.Domain;

/// <summary>Nasjonal e-helsestrategi 2023–2030 and its plan for realisation ("Plan for realisering 2025").</summary>
public sealed class Strategy
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int FirstYear { get; set; }
    public int LastYear { get; set; }

    /// <summary>The current plan for realisation, e.g. "Plan for realisering 2025".</summary>
    public string? PlanName { get; set; }
    public int? PlanYear { get; set; }
    public string? Source { get; set; }

    public List<Goal> Goals { get; } = [];
}
