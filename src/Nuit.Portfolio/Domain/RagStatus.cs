namespace Nuit.Portfolio.Domain;

/// <summary>Traffic-light status. Grey means "not reported", which is different from red.</summary>
public enum RagStatus
{
    Grey = 0,
    Green = 1,
    Amber = 2,
    Red = 3,
}

public static class RagStatuses
{
    /// <summary>Bokmål label; status is always shown as text, never as colour alone.</summary>
    public static string ToDisplayString(this RagStatus status) => status switch
    {
        RagStatus.Green => "Grønn",
        RagStatus.Amber => "Gul",
        RagStatus.Red => "Rød",
        _ => "Grå (ikke rapportert)",
    };

    /// <summary>Lower-case English name used in files and APIs.</summary>
    public static string ToCode(this RagStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Accepts the English names and the Norwegian words (grønn, gul, rød, grå), any case.</summary>
    public static bool TryParse(string? s, out RagStatus status)
    {
        status = RagStatus.Grey;
        switch (s?.Trim().ToLowerInvariant())
        {
            case "green" or "grønn" or "gronn" or "g": status = RagStatus.Green; return true;
            case "amber" or "yellow" or "gul" or "a": status = RagStatus.Amber; return true;
            case "red" or "rød" or "rod" or "r": status = RagStatus.Red; return true;
            case "grey" or "gray" or "grå" or "gra" or "none": status = RagStatus.Grey; return true;
            default: return false;
        }
    }

    public static RagStatus Parse(string s) =>
        TryParse(s, out var r) ? r : throw new FormatException($"'{s}' er ikke en gyldig status. Bruk green, amber, red eller grey (grønn, gul, rød, grå).");
}
