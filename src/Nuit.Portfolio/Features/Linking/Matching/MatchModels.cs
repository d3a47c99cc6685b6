namespace Nuit.Portfolio.Features.Linking.Matching;

public enum MatchItemKind { Goal, SubGoal, Initiative, Indicator }

/// <summary>
/// A roadmap item the matcher looks for. The <see cref="Name"/> is matched as well as the aliases.
/// Goal and sub-goal codes (<c>M1</c>, <c>1A</c>) are also recognised in their written forms
/// ("mål 1", "delmål 1A"); other codes are not matched, because texts never use them (KIPLAN, DIGSAM).
/// </summary>
public sealed record MatchItem(string Code, MatchItemKind Kind, string Name, IReadOnlyList<string> Aliases);

public sealed record CaseText(IReadOnlyList<CaseTextSection> Sections);

/// <summary>
/// One section of a case. <see cref="Section"/> is the heading as the documents write it
/// ("Tittel", "Dagsorden", "Forslag til vedtak", "Vedtak", "Innspill", "Aksjonspunkt", "Hensikt med saken",
/// "Bakgrunn", ...); it decides how much a hit counts, see <see cref="MatchScoring"/>.
/// Several sections may share a heading (one per input bullet, say); they are scored as one.
/// </summary>
public sealed record CaseTextSection(string Section, string Text);

/// <summary>
/// One hit. <see cref="Position"/> is the offset of the hit in the section's own text, so a page can
/// highlight it; <see cref="Snippet"/> is up to <see cref="Snippets.MaxLength"/> characters around it,
/// cut on word boundaries, with whitespace collapsed.
/// </summary>
public sealed record MatchEvidence(string Section, string Snippet, int Position, string MatchedAlias)
{
    /// <summary>Length of the hit in the section's text (inflection suffix included), for highlighting.</summary>
    public int Length { get; init; }
}

public sealed record MatchSuggestion(string Code, MatchItemKind Kind, double Score, IReadOnlyList<MatchEvidence> Evidence);
