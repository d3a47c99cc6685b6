using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

internal sealed record CoverNote(
    string Title,
    CaseNumber? Number,
    string? Type,
    string? Owner,
    IReadOnlyList<string> Officers,
    string? ProposedDecision,
    IReadOnlyList<ParsedSection> Sections,
    IReadOnlyList<ParsedReference> References,
    SourceSpan Source);

/// <summary>
/// Reads one toppnotat: title, "Forslag til vedtak", the sections (Hensikt med saken, Bakgrunn,
/// Drøftingsspørsmål, Videre saksprosess, Vedtak fra tidligere behandlinger) and the box that says
/// which case it belongs to and who owns it. The PDF conversion drops that box into the middle of the
/// text as one cell per line ("Til", "Dato", "Saksnummer", "Innretning", "Møte 3/24", "05.09.2024",
/// "30/24", "Orientering", "Sakseier", "Saksbehandler", owner, officers); a Word file keeps it as a table, read as
/// one line of labels and one of values. Those lines are taken out of the section text.
/// </summary>
internal static partial class CoverNoteParser
{
    public const string PreviousDecisionsKind = "Vedtak fra tidligere behandlinger";

    private sealed record Box(CaseNumber? Number, string? Type, string? Owner, IReadOnlyList<string> Officers);

    public static CoverNote Parse(DocumentBlock block)
    {
        var lines = block.Lines;
        var consumed = new HashSet<int>();
        var box = FindBox(lines, consumed);

        var proposal = new List<string>();
        var sections = new List<(string Kind, int First, List<string> Lines)>();
        var proposalStarted = false;
        for (var i = 1; i < lines.Count; i++)
        {
            if (consumed.Contains(i) || lines[i].IsBlank) continue;
            var text = lines[i].Text;
            if (!proposalStarted && TextNormalizer.StartsWithAny(text, "Ff") && BareProposal().IsMatch(text))
            {
                proposalStarted = true;
                continue;
            }

            if (SectionKind(text) is { } kind) sections.Add((kind, i, []));
            else if (sections.Count > 0) sections[^1].Lines.Add(text);
            else proposal.Add(text);
        }

        var parsedSections = new List<ParsedSection>();
        var references = new List<ParsedReference>();
        for (var s = 0; s < sections.Count; s++)
        {
            var (kind, first, sectionLines) = sections[s];
            var last = s + 1 < sections.Count ? sections[s + 1].First - 1 : lines.Count - 1;
            var text = TextJoiner.JoinParagraphs(sectionLines);
            if (text.Length > 0) parsedSections.Add(new ParsedSection(kind, text, block.Span(first, last)));
            if (kind == PreviousDecisionsKind) references.AddRange(ReferenceParser.Parse(sectionLines));
        }

        return new CoverNote(
            TextJoiner.CollapseSpaces(lines[0].Text),
            box?.Number,
            box?.Type,
            box?.Owner,
            box?.Officers ?? [],
            proposal.Count > 0 ? TextJoiner.JoinParagraphs(proposal) : null,
            parsedSections,
            ReferenceParser.Distinct(references),
            block.Span());
    }

    private static string? SectionKind(string line)
    {
        // Every heading starts with B, D, H or V; most lines of a note are spared the work below (issue 17).
        if (!TextNormalizer.StartsWithAny(line, "BbDdHhVv")) return null;
        var text = TextJoiner.CollapseSpaces(line);
        if (text.Length > 90) return null;
        if (Purpose().IsMatch(text)) return "Hensikt med saken";
        if (text.Equals("Bakgrunn", StringComparison.OrdinalIgnoreCase)) return "Bakgrunn";
        if (Discussion().IsMatch(text)) return "Drøftingsspørsmål";
        if (text.Equals("Videre saksprosess", StringComparison.OrdinalIgnoreCase)) return "Videre saksprosess";
        if (PreviousDecisions().IsMatch(text)) return PreviousDecisionsKind;
        return null;
    }

    private static Box? FindBox(IReadOnlyList<SourceLine> lines, HashSet<int> consumed)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            // Every form of the box starts with "Til": other lines are passed over without a trimmed copy (issue 17).
            var trimmed = lines[i].Text.AsSpan().Trim();
            if (!trimmed.StartsWith("Til", StringComparison.Ordinal)) continue;
            var text = trimmed.ToString();
            if (FlatBox().Match(text) is { Success: true } flat)
            {
                consumed.Add(i);
                var (owner, officers) = ReadPeople(lines, i, consumed);
                return new Box(ParseNumber(flat.Groups["num"].Value), flat.Groups["type"].Value, owner, officers);
            }

            // A Word cover note keeps the box as a table: labels on one row, values on the next.
            if (text.StartsWith("Til", StringComparison.Ordinal) && TextJoiner.CollapseSpaces(text) == "Til Dato Saksnummer Innretning"
                && DocumentSplitter.NextNonBlank(lines, i) is var valuesRow and >= 0
                && FlatBox().Match($"Til Dato Saksnummer Innretning {lines[valuesRow].Trimmed}") is { Success: true } rows)
            {
                consumed.Add(i);
                consumed.Add(valuesRow);
                // Only a people row is read as one: reading cells takes the lines it reads, and a heading must stay.
                var peopleRow = DocumentSplitter.NextNonBlank(lines, valuesRow);
                var (owner, officers) = peopleRow >= 0 && lines[peopleRow].Trimmed.StartsWith("Sakseier", StringComparison.Ordinal)
                    ? ReadPeople(lines, valuesRow, consumed) : (null, []);
                return new Box(ParseNumber(rows.Groups["num"].Value), rows.Groups["type"].Value, owner, officers);
            }

            if (text != "Til" || !NextCellsAre(lines, i, consumed, "Dato", "Saksnummer", "Innretning", out var at)) continue;
            consumed.Add(i);
            var values = ReadCells(lines, ref at, consumed, 4);
            if (values.Count < 4) return null;
            var (o, offs) = ReadPeople(lines, at, consumed);
            return new Box(ParseNumber(values[2]), values[3], o, offs);
        }

        return null;
    }

    /// <summary>After the case cells come "Sakseier", "Saksbehandler", the owner's name and the officers (possibly wrapped).</summary>
    private static (string? Owner, IReadOnlyList<string> Officers) ReadPeople(IReadOnlyList<SourceLine> lines, int after, HashSet<int> consumed)
    {
        var at = after;
        var labels = ReadCells(lines, ref at, consumed, 1);
        if (labels.Count == 0) return (null, []);
        if (labels[0] == "Sakseier")
        {
            if (ReadCells(lines, ref at, consumed, 1) is not ["Saksbehandler"]) return (null, []);
        }
        else if (!SharedLabels().IsMatch(labels[0]))
        {
            return (null, []);
        }

        var owner = ReadCells(lines, ref at, consumed, 1).FirstOrDefault();
        if (owner is null || !IsNameList(owner)) return (null, []);

        var officerLines = new List<string>();
        for (var next = DocumentSplitter.NextNonBlank(lines, at); next >= 0 && IsNameList(lines[next].Trimmed) && SectionKind(lines[next].Text) is null;
             next = DocumentSplitter.NextNonBlank(lines, next))
        {
            for (var k = at + 1; k <= next; k++) consumed.Add(k);
            officerLines.Add(lines[next].Trimmed);
            at = next;
        }

        var officers = NameSeparator().Split(TextJoiner.Join(officerLines))
            .Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        return (owner, officers);
    }

    private static bool NextCellsAre(IReadOnlyList<SourceLine> lines, int i, HashSet<int> consumed, string a, string b, string c, out int at)
    {
        at = i;
        var cells = ReadCells(lines, ref at, [], 3);
        if (cells.Count == 3 && cells[0] == a && cells[1] == b && cells[2] == c)
        {
            for (var k = i; k <= at; k++) consumed.Add(k);
            return true;
        }

        at = i;
        return false;
    }

    private static List<string> ReadCells(IReadOnlyList<SourceLine> lines, ref int at, HashSet<int> consumed, int count)
    {
        var cells = new List<string>();
        while (cells.Count < count)
        {
            var next = DocumentSplitter.NextNonBlank(lines, at);
            if (next < 0) break;
            for (var k = at + 1; k <= next; k++) consumed.Add(k);
            cells.Add(lines[next].Trimmed);
            at = next;
        }

        return cells;
    }

    private static CaseNumber? ParseNumber(string text) => CaseNumber.TryParse(text.Trim(), out var n) ? n : null;

    /// <summary>"Norunn Saure, Thor Steffensen og Per Ludvig Skjerven", "Elin H. Kindingstad", "Hedlund".</summary>
    internal static bool IsNameList(string text)
    {
        if (text.Length == 0 || text.Length > 200 || text.Contains(':', StringComparison.Ordinal)) return false;
        var names = NameSeparator().Split(text.TrimEnd(',', ' ')).Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        return names.Count > 0 && names.All(n => PersonName().IsMatch(n));
    }

    [GeneratedRegex(@"^Hensikt(?:en)?\s+med\s+saken$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Purpose();

    [GeneratedRegex(@"^Drøftingsspørsmål\b[^.]*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Discussion();

    [GeneratedRegex(@"^(?:Vedtak\s+fra\s+tidligere\s+behandlinger(?:\s+i\s+rådsmodellen)?|Har\s+saken\s+vært\s+til\s+behandling\s+i\s+rådsmodellen\s+tidligere\??)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreviousDecisions();

    [GeneratedRegex(@"^\s*Forslag\s+til\s+vedtak\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareProposal();

    [GeneratedRegex(@"^Til\s+Dato\s+Saksnummer\s+Innretning\s+Møte\s+\d{1,2}/\d{2,4}\s+\S+\s+(?<num>\d{1,4}/\d{2})\s+(?<type>\S.*?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex FlatBox();

    [GeneratedRegex(@"^Sakseier\s+Saksbehandler$", RegexOptions.CultureInvariant)]
    private static partial Regex SharedLabels();

    [GeneratedRegex(@"\s*,\s*|\s+og\s+", RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^\p{Lu}[\p{L}'’-]*\.?(?:\s+(?:\p{Lu}[\p{L}'’-]*\.?|van|von|de|der|den))*$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();
}
