using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Linking;

/// <summary><see cref="Matched"/>: the phrase that made the matcher suggest the link (an alias or code), when known.</summary>
public sealed record EvidenceDto(string Section, string Text, string? Matched = null);

public static class LinkStates
{
    public static string ToCode(this LinkState state) => state.ToString().ToLowerInvariant();

    public static string ToDisplayString(this LinkState state) => state switch
    {
        LinkState.Confirmed => "Bekreftet",
        LinkState.Rejected => "Avvist",
        _ => "Foreslått",
    };

    /// <summary>"suggested,confirmed" → the states; unknown words are bad input naming the choices.</summary>
    public static bool TryParseList(string? text, out IReadOnlyList<LinkState> states)
    {
        var list = new List<LinkState>();
        states = list;
        if (string.IsNullOrWhiteSpace(text)) return true;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            LinkState? s = part.ToLowerInvariant() switch
            {
                "suggested" or "foreslått" => LinkState.Suggested,
                "confirmed" or "bekreftet" => LinkState.Confirmed,
                "rejected" or "avvist" => LinkState.Rejected,
                _ => null,
            };
            if (s is null) return false;
            list.Add(s.Value);
        }
        return true;
    }
}
