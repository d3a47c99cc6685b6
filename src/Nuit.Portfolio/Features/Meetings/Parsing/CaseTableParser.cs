using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

internal sealed record CaseRow(CaseNumber Number, string Title, string? Type, TimeOnly? TimeSlot, int Order, int FirstIndex, int LastIndex);

/// <summary>
/// Reads the case list at the top of an agenda ("Sak Agenda NUIT Tidspunkt Sakstype") or minutes
/// ("Sak Tittel på sak Sakstype"). The table is read as one running text, cut at each case number,
/// because the PDF conversion wraps titles over several lines and moves the time and type onto
/// lines of their own; the same code then reads a table that arrived on a single line.
/// </summary>
internal static partial class CaseTableParser
{
    // Both headings start with "Sak": asked of nearly every line, most are spared the pattern (issue 17).
    public static bool IsTableHeading(string line) => TextNormalizer.StartsWithAny(line, "S") && TableHeading().IsMatch(line);

    public static bool IsDetailHeading(string line) => TextNormalizer.StartsWithAny(line, "S") && DetailHeading().IsMatch(line);

    public static int FindDetailHeading(IReadOnlyList<SourceLine> lines, int from)
    {
        for (var i = Math.Max(from, 0); i < lines.Count; i++)
            if (IsDetailHeading(lines[i].Text)) return i;
        return -1;
    }

    public static IReadOnlyList<CaseRow> Parse(IReadOnlyList<SourceLine> lines, int from, int year)
    {
        var heading = -1;
        for (var i = Math.Max(from, 0); i < lines.Count && heading < 0; i++)
        {
            if (IsDetailHeading(lines[i].Text)) return [];
            if (IsTableHeading(lines[i].Text)) heading = i;
        }

        int end;
        if (heading >= 0)
        {
            var detail = FindDetailHeading(lines, heading + 1);
            end = detail < 0 ? lines.Count : detail;
        }
        else
        {
            // No table heading (an archived copy lost it): a paragraph that starts with a case of the meeting's
            // year ("Sak 12/19 … Sak 13/19 …", or a table flattened to text) is the case list.
            heading = FindHeadlessList(lines, from, year);
            if (heading < 0) return [];
            end = heading + 1;
            while (end < lines.Count && !lines[end].IsBlank && !IsDetailHeading(lines[end].Text)) end++;
        }

        var regionLines = lines.Skip(heading).Take(end - heading).Select(l => l.Text).ToList();
        if (IsTableHeading(regionLines[0])) regionLines[0] = AfterHeading(regionLines[0]);
        var text = TextJoiner.JoinWithOffsets(regionLines, out var offsets);

        var starts = CaseStarts(text, year);
        var rows = new List<CaseRow>();
        for (var r = 0; r < starts.Count; r++)
        {
            var (at, number) = starts[r];
            var chunkEnd = r + 1 < starts.Count ? starts[r + 1].At : text.Length;
            var chunk = text[at..chunkEnd];
            var row = ParseRow(chunk, number, rows.Count + 1, heading + LineAt(offsets, at), heading + LineAt(offsets, Math.Max(at, chunkEnd - 1)));
            if (row is not null) rows.Add(row);
        }

        return rows;
    }

    /// <summary>True when the line opens a case list without its heading: "Sak 12/19 Godkjenning …" or "12/19 Godkjenning …".</summary>
    public static bool StartsCaseList(string line) => TextNormalizer.StartsWithAny(line, TextNormalizer.Digits + "S") && HeadlessRow().IsMatch(line);

    private static int FindHeadlessList(IReadOnlyList<SourceLine> lines, int from, int year)
    {
        for (var i = Math.Max(from + 1, 0); i < lines.Count; i++)
        {
            if (IsDetailHeading(lines[i].Text)) return -1;
            if (HeadlessRow().Match(lines[i].Text) is { Success: true } m && CaseNumber.TryParse(m.Groups["number"].Value, out var n) && n.Year == year) return i;
        }
        return -1;
    }

    /// <summary>
    /// The year most case numbers of a meeting document carry ("12/19" → 2019), for a header that lost its year;
    /// null when no case list is found.
    /// </summary>
    public static int? LikelyYear(IReadOnlyList<SourceLine> lines, int from)
    {
        var years = new Dictionary<int, int>();
        for (var i = Math.Max(from + 1, 0); i < lines.Count; i++)
        {
            if (HeadlessRow().Match(lines[i].Text) is not { Success: true } first) continue;
            foreach (Match m in RowStart().Matches(lines[i].Text[first.Groups["number"].Index..]))
                if (CaseNumber.TryParse(m.Value, out var n)) years[n.Year] = years.GetValueOrDefault(n.Year) + 1;
        }
        return years.Count == 0 ? null : years.MaxBy(y => y.Value).Key;
    }

    /// <summary>Case numbers of the meeting's own year at the start of a row; older numbers are references, not rows.</summary>
    internal static List<(int At, CaseNumber Number)> CaseStarts(string text, int year)
    {
        var starts = new List<(int, CaseNumber)>();
        foreach (Match m in RowStart().Matches(text))
        {
            if (CaseNumber.TryParse(m.Value, out var n) && n.Year == year) starts.Add((m.Index, n));
        }

        return starts;
    }

    /// <summary>Splits "Orientering fra Helsedirektoratet 09:15 Orientering" into title, time and type.</summary>
    internal static (string Title, TimeOnly? Time, string? Type) SplitTitle(string rest)
    {
        rest = PauseOrEnd().Replace(rest, " ").Trim();
        string? type = null;
        TimeOnly? time = null;
        var m = TrailingType().Match(rest);
        if (m.Success)
        {
            type = m.Groups["type"].Value;
            rest = rest[..m.Index].TrimEnd();
        }

        var t = TrailingTime().Match(rest);
        if (t.Success && NorwegianDates.TryParseTime(t.Groups["time"].Value, out var parsed))
        {
            time = parsed;
            rest = rest[..t.Index].TrimEnd();
        }

        if (type is null && rest.Equals("Eventuelt", StringComparison.OrdinalIgnoreCase)) type = "Eventuelt";
        return (rest, time, type);
    }

    /// <summary>True when the text ends with a case type, i.e. a wrapped header row is complete.</summary>
    internal static bool EndsWithType(string text) => TrailingType().IsMatch(PauseOrEnd().Replace(text, " ").TrimEnd());

    private static CaseRow? ParseRow(string chunk, CaseNumber number, int order, int firstIndex, int lastIndex)
    {
        var rest = chunk[RowStart().Match(chunk).Length..];
        // In a list written "Sak 12/19 … Sak 13/19 …" each row ends with the next row's "Sak".
        rest = TrailingSakWord().Replace(rest, "");
        var (title, time, type) = SplitTitle(rest);
        return title.Length == 0 ? null : new CaseRow(number, title, type, time, order, firstIndex, lastIndex);
    }

    private static string AfterHeading(string heading)
    {
        var i = heading.IndexOf("Sakstype", StringComparison.OrdinalIgnoreCase);
        return i < 0 ? "" : heading[(i + "Sakstype".Length)..];
    }

    private static int LineAt(IReadOnlyList<int> offsets, int offset)
    {
        var index = 0;
        for (var i = 0; i < offsets.Count; i++)
        {
            if (offsets[i] <= offset) index = i;
            else break;
        }

        return index;
    }

    [GeneratedRegex(@"^\s*Sak\s+(?:Agenda|Tittel)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TableHeading();

    [GeneratedRegex(@"^\s*Sak\s+Tema\b", RegexOptions.CultureInvariant)]
    private static partial Regex DetailHeading();

    [GeneratedRegex(@"(?<![\p{L}\d/.,-])\d{1,3}/\d{2}(?![\d/])(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex RowStart();

    [GeneratedRegex(@"^\s*(?:Sak\s+)?(?<number>\d{1,3}/\d{2})\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex HeadlessRow();

    [GeneratedRegex(@"\s+Sak\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSakWord();

    [GeneratedRegex(@"(?:^|\s)(?:Pause|Lunsj|Slutt)\s+\d{1,2}[:.]\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex PauseOrEnd();

    [GeneratedRegex(@"(?:^|\s+)(?<type>Orientering/drøfting|Godkjenning|Orientering|Drøfting|Måtte utgå|Beslutning)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingType();

    [GeneratedRegex(@"(?:^|\s+)(?<time>\d{1,2}[:.]\d{2})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingTime();
}
