namespace Nuit.Portfolio.Features.Linking.Matching;

/// <summary>
/// How sure the matcher is that a case is about an item, 0..1.
/// <para>
/// score = 1 − exp(−Σ over section headings h of weight(h) · f(m_h)), where m_h is the sum of hit strengths in
/// sections headed h (a name or alias hit is 1, a goal code reference such as "mål 1" is 0.5) and
/// f(m) = m for m ≤ 1, 1 + ln m above. So each further hit in the same kind of section adds less (thirty
/// mentions in the background are not thirty times one), a hit in another kind of section adds its full weight
/// (spread across title, decision and inputs means the case is about it), and the exponential keeps the
/// result below 1 however much evidence piles up.
/// </para>
/// <para>
/// Weights: title 2.0 (one title hit alone gives 0.86), proposed decision / decision / agenda text 1.0 (0.63),
/// purpose of the case 0.6, action point 0.5, discussion questions 0.4, anything else — inputs, background,
/// earlier decisions, unknown headings — 0.25 (one passing mention gives 0.22). No number of background
/// mentions reaches a single title hit in practice (it would take over a thousand).
/// </para>
/// </summary>
public static class MatchScoring
{
    public const double AliasHitStrength = 1.0;

    /// <summary>A code reference is half a hit: "mål 1" is a real reference, but the same words appear for other bodies' goals.</summary>
    public const double CodeReferenceStrength = 0.5;

    public const double DefaultSectionWeight = 0.25;

    private static readonly Dictionary<string, double> Weights = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Tittel"] = 2.0,
        ["Forslag til vedtak"] = 1.0,
        ["Vedtak"] = 1.0,
        ["Dagsorden"] = 1.0,
        ["Hensikt med saken"] = 0.6,
        ["Aksjonspunkt"] = 0.5,
        ["Drøftingsspørsmål"] = 0.4,
    };

    public static double SectionWeight(string section) =>
        Weights.TryGetValue(section.Trim(), out var w) ? w : DefaultSectionWeight;

    /// <param name="strengthBySection">Summed hit strength per section heading (headings compared case-insensitively by the caller).</param>
    public static double Score(IEnumerable<KeyValuePair<string, double>> strengthBySection)
    {
        var sum = strengthBySection.Sum(s => SectionWeight(s.Key) * Dampen(s.Value));
        return 1 - Math.Exp(-sum);
    }

    private static double Dampen(double m) => m <= 1 ? m : 1 + Math.Log(m);
}
