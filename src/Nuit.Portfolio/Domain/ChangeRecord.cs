namespace Nuit.Portfolio.Domain;

/// <summary>
/// One edited field: who changed what, when, from which value to which. Kept for every edit that
/// people make by hand or by importing a file, so a figure in a report can be traced to its author.
/// General on purpose (item code + field) so indicators, milestones and statuses share one history.
/// </summary>
public sealed class ChangeRecord
{
    public long Id { get; set; }

    /// <summary>Code of the roadmap item the field belongs to, e.g. DIGITAL-KONTAKT; null for changes to no item (users, tokens).</summary>
    public string? ItemCode { get; set; }

    /// <summary>
    /// What else the change is about, where an item code alone does not say it: the case of a link ("NUIT 31/24"),
    /// the meeting an import changed ("NUIT møte 2/2025"), the user or token ("bruker kari", "token overvåking").
    /// </summary>
    public string? Subject { get; set; }

    /// <summary>Which field, in bokmål, with its period where it has one: "verdi 2024", "målverdi 2025".</summary>
    public required string Field { get; set; }

    /// <summary>Old and new value as invariant text (numbers with '.' decimals); null when absent.</summary>
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>How the change came in: "cli", "web", "api", "jobb", or the imported file's name.</summary>
    public string? Via { get; set; }
}
