using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Tests.Linking;

/// <summary>The initiatives, goals and sub-goals of /work/shared/domain.md, as the matcher will get them from the database.</summary>
internal static class DomainItems
{
    public static readonly IReadOnlyList<MatchItem> Initiatives =
    [
        Initiative("SFM", "Sentral forskrivningsmodul", "SFM"),
        Initiative("PLL", "Pasientens legemiddelliste", "PLL", "pasientens legemiddelliste"),
        Initiative("PROVESVAR", "Pasientens prøvesvar", "pasientens prøvesvar"),
        Initiative("KJERNEJOURNAL", "Kjernejournal", "Kjernejournal", "KJ", "Kjernejournalportalen"),
        Initiative("ERESEPT", "e-resept and Reseptformidleren", "e-resept", "Reseptformidleren", "RF", "reseptformidler"),
        Initiative("HELSENORGE", "Helsenorge (incl. Veikart for Helsenorge)", "Helsenorge", "helsenorge.no"),
        Initiative("ICD11", "Overgang til ICD-11", "ICD-11", "International Classification of Diseases 11th Revision"),
        Initiative("EHDS", "European Health Data Space", "EHDS", "det europeiske helsedataområdet"),
        Initiative("KIPLAN", "Felles KI-plan", "Felles KI-plan", "KI-plan", "KI plan"),
        Initiative("HTO", "Helseteknologiordningen", "Helseteknologiordningen", "godkjenningsordning for helseteknologi"),
        Initiative("NORSURV", "NORSURV / system for infeksjonsovervåking", "NORSURV", "infeksjonsovervåking"),
        Initiative("DIGSAM", "Digital samhandling", "digital samhandling"),
        Initiative("DHO", "Digital hjemmeoppfølging", "digital hjemmeoppfølging", "hjemmesykehus"),
    ];

    public static readonly IReadOnlyList<MatchItem> Goals =
    [
        new("M1", MatchItemKind.Goal, "Aktiv medvirkning i egen og næres helse", []),
        new("M2", MatchItemKind.Goal, "Enklere arbeidshverdag", []),
        new("M3", MatchItemKind.Goal, "Helsedata til fornying og forbedring", []),
        new("M4", MatchItemKind.Goal, "Tilgjengelig informasjon og styrket samhandling", []),
        new("M5", MatchItemKind.Goal, "Samarbeid og virkemidler som styrker gjennomføringskraft", []),
    ];

    public static readonly IReadOnlyList<MatchItem> SubGoals =
    [
        new("1A", MatchItemKind.SubGoal,
            "Innbygger skal ha mulighet for å administrere behandlingsforløp, digital dialog og innsynstjenester gjennom Helsenorge", []),
        new("1B", MatchItemKind.SubGoal, "Innbyggere skal ha tilgang på velferdsteknologi og digital hjemmeoppfølging", []),
    ];

    public static readonly IReadOnlyList<MatchItem> All = [.. Initiatives, .. Goals, .. SubGoals];

    /// <summary>Shared because building compiles every pattern; tests only read from it.</summary>
    public static readonly AliasMatcher Matcher = new(All);

    private static MatchItem Initiative(string code, string name, params string[] aliases) =>
        new(code, MatchItemKind.Initiative, name, aliases);
}

/// <summary>Short ways to build case texts in tests.</summary>
internal static class Case
{
    public static CaseText Of(params (string Section, string Text)[] sections) =>
        new([.. sections.Select(s => new CaseTextSection(s.Section, s.Text))]);

    public static CaseText Background(string text) => Of(("Bakgrunn", text));

    public static IReadOnlyList<MatchSuggestion> Match(string text) => DomainItems.Matcher.Match(Background(text));

    public static string[] Codes(string text) => [.. Match(text).Select(s => s.Code)];

    /// <summary>
    /// Goal tests put the text in a proposed decision: a lone code reference in background scores below
    /// <see cref="AliasMatcher.MinimumScore"/>, and a negative test there would pass for the wrong reason.
    /// </summary>
    public static IReadOnlyList<MatchSuggestion> MatchDecision(string text) => DomainItems.Matcher.Match(Of(("Forslag til vedtak", text)));

    public static string[] DecisionCodes(string text) => [.. MatchDecision(text).Select(s => s.Code)];
}
