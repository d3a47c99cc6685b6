using System.Text.RegularExpressions;
using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Tests.Linking;

/// <summary>
/// The matcher on the real meeting documents. The cases are cut out roughly here (the import parser is
/// someone else's): agenda title, agenda text and proposed decision from the notice of meeting 3/2024, plus
/// the whole cover note (toppnotat) of the case as background; for the 2025 minutes, the case's intro,
/// inputs and decision.
/// </summary>
public partial class SeedDocumentMatchingTests
{
    private static readonly Lazy<string[]> Notice = new(() => SeedLines("nuit-2024-09-05-innkalling-med-vedlegg.txt"));
    private static readonly Lazy<string[]> Minutes2025 = new(() => SeedLines("nuit-2025-02-13-referat.txt"));

    [Theory]
    [InlineData("32/24", "Helseteknologi", "HTO")]
    [InlineData("34/24", "Erfaringer fra pandemien", "NORSURV")]
    [InlineData("36/24", "ICD-11", "ICD11")]
    public void The_case_about_an_initiative_suggests_it_first(string number, string coverNoteTitle, string expected)
    {
        var suggestions = DomainItems.Matcher.Match(NoticeCase(number, coverNoteTitle));

        Assert.Equal(expected, suggestions[0].Code);
        Assert.True(suggestions[0].Score >= 0.9, $"{expected} scored {suggestions[0].Score}");
        Assert.All(suggestions.Skip(1), s => Assert.True(s.Score < suggestions[0].Score));
    }

    [Fact]
    public void The_ICD11_case_evidence_starts_with_the_title()
    {
        var top = DomainItems.Matcher.Match(NoticeCase("36/24", "ICD-11"))[0];

        var first = top.Evidence[0];
        Assert.Equal(("Tittel", 0, "ICD-11", "ICD-11 – En første gjennomgang"), (first.Section, first.Position, first.MatchedAlias, first.Snippet));
    }

    [Fact]
    public void The_FHI_health_data_strategy_with_its_own_goal_1_to_5_suggests_no_strategy_goal()
    {
        var suggestions = DomainItems.Matcher.Match(NoticeCase("35/24", "Strategi for helsedata"));

        Assert.DoesNotContain(suggestions, s => s.Kind is MatchItemKind.Goal or MatchItemKind.SubGoal);
    }

    [Theory]
    [InlineData("6/25", "HELSENORGE")]
    [InlineData("7/25", "EHDS")]
    [InlineData("8/25", "KIPLAN")]
    [InlineData("3/25", "DIGSAM")]
    public void Cases_in_the_2025_minutes_suggest_their_initiative_first(string number, string expected)
    {
        var suggestions = DomainItems.Matcher.Match(MinutesCase(number));

        Assert.Equal(expected, suggestions[0].Code);
    }

    [Theory]
    [InlineData("nuit-2024-09-05-innkalling-med-vedlegg.txt")]
    [InlineData("nuit-2025-02-13-referat.txt")]
    public void Interpreted_patterns_find_what_the_compiled_ones_find(string file)
    {
        // MatcherCache hands a refresh of a few cases interpreted patterns and a large one compiled patterns:
        // a case must get the same links and evidence whichever the batch it was refreshed in.
        var text = Case.Background(string.Join('\n', SeedLines(file)));
        var interpreted = new AliasMatcher(DomainItems.All, compiled: false);

        var expected = DomainItems.Matcher.Match(text);
        var actual = interpreted.Match(text);

        Assert.True(DomainItems.Matcher.IsCompiled);
        Assert.False(interpreted.IsCompiled);
        Assert.NotEmpty(expected);
        Assert.Equal(Flatten(expected), Flatten(actual));
    }

    private static IEnumerable<string> Flatten(IReadOnlyList<MatchSuggestion> suggestions) =>
        suggestions.SelectMany(s => s.Evidence.Select(e => $"{s.Code} {s.Kind} {s.Score:R} {e.Section} {e.Position} {e.Length} {e.MatchedAlias} {e.Snippet}"));

    /// <summary>A case of the notice of meeting 3/2024: its agenda entry ("Sak Tema Sakstype" table) and its cover note.</summary>
    private static CaseText NoticeCase(string number, string coverNoteTitle)
    {
        var lines = Notice.Value;
        var table = Array.FindIndex(lines, l => l.StartsWith("Sak Tema Sakstype", StringComparison.Ordinal));
        var start = Array.FindIndex(lines, table, l => l.StartsWith(number + " ", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start + 1, l => CaseLine().IsMatch(l) || l.StartsWith("https://", StringComparison.Ordinal));
        var entry = lines[start..end];

        // The title line may run over to the next line; the case type ends it.
        var titleLines = entry.TakeWhile(l => l.Trim().Length > 0).ToArray();
        var title = CaseTypeSuffix().Replace(string.Join(' ', titleLines.Select(l => l.Trim()))[(number.Length + 1)..], "");
        var decisionAt = Array.FindIndex(entry, l => l.Trim().StartsWith("Forslag til vedtak", StringComparison.Ordinal));
        var agenda = string.Join('\n', entry[titleLines.Length..decisionAt]);
        var decision = string.Join('\n', entry[(decisionAt + 1)..]);

        return Case.Of(("Tittel", title), ("Dagsorden", agenda), ("Forslag til vedtak", decision), ("Bakgrunn", CoverNote(coverNoteTitle)));
    }

    /// <summary>
    /// Cover notes start with their title on a line of its own, indented by one space, followed by
    /// "Forslag til vedtak"; the note runs to the start of the next one.
    /// </summary>
    private static string CoverNote(string titleStart)
    {
        var lines = Notice.Value;
        bool IsNoteStart(int i) => lines[i].StartsWith(' ') && lines[i].Trim().Length > 0
            && lines.Skip(i + 1).FirstOrDefault(l => l.Trim().Length > 0)?.Trim() == "Forslag til vedtak";
        var starts = Enumerable.Range(0, lines.Length).Where(IsNoteStart).ToArray();
        var start = starts.Single(i => lines[i].TrimStart().StartsWith(titleStart, StringComparison.Ordinal));
        var end = starts.FirstOrDefault(i => i > start, lines.Length);
        return string.Join('\n', lines[start..end]);
    }

    /// <summary>A case of the minutes of 13 February 2025: title line, intro, "Innspill:" bullets, "Vedtak:".</summary>
    private static CaseText MinutesCase(string number)
    {
        var lines = Minutes2025.Value;
        var body = Array.FindIndex(lines, l => l.StartsWith("Sak Tema", StringComparison.Ordinal));
        var start = Array.FindIndex(lines, body, l => l.StartsWith(number + " ", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start + 1, l => CaseLine().IsMatch(l));
        var entry = lines[(start + 1)..end];
        var inputsAt = Array.FindIndex(entry, l => l.Trim() == "Innspill:");
        var decisionAt = Array.FindIndex(entry, l => l.Trim() == "Vedtak:");
        var introEnd = inputsAt >= 0 ? inputsAt : decisionAt;

        return Case.Of(
            ("Tittel", lines[start][(number.Length + 1)..].Trim()),
            ("Bakgrunn", string.Join('\n', entry[..introEnd])),
            ("Innspill", inputsAt >= 0 ? string.Join('\n', entry[(inputsAt + 1)..decisionAt]) : ""),
            ("Vedtak", string.Join('\n', entry[(decisionAt + 1)..])));
    }

    private static string[] SeedLines(string file) =>
        File.ReadAllLines(Path.Combine(RepoRoot(), "seed-data", "meetings", file));

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Nuit.Portfolio.sln"))) return dir.FullName;
        throw new InvalidOperationException("Fant ikke Nuit.Portfolio.sln over " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\d{1,2}/2[45] ")]
    private static partial Regex CaseLine();

    [GeneratedRegex(@"\s+(Drøfting|Orientering|Godkjenning)\s*$")]
    private static partial Regex CaseTypeSuffix();
}
