namespace Nuit.Portfolio.Domain;

/// <summary>
/// One edited field: who changed what, when, from which value to which. Kept for every edit that
/// people make by hand or by importing a file, so a figure in a report can be traced to its author.
/// General on purpose (item code + field) so indicators, milestones and statuses share one history.
/// </summary>
public sealed class ChangeRecord
{
    public long Id { get; set; }

    /// <summary>Code of the roadmap item the field belongs to, e.g. DIGITAL-KONTAKT.</summary>
    public required string ItemCode { get; set; }

    /// <summary>Which field, in bokmål, with its period where it has one: "verdi 2024", "målverdi 2025".</summary>
    public required string Field { get; set; }

    /// <summary>Old and new value as invariant text (numbers with '.' decimals); null when absent.</summary>
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>How the change came in: "cli", "api", or the imported file's name.</summary>
    public string? Via { get; set; }
}
