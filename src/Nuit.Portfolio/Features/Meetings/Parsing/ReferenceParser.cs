using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// Reads the table "Vedtak fra tidligere behandlinger i rådsmodellen" of a cover note. The rows come
/// in two layouts, both flattened by the PDF conversion: body first ("NUIT 35/23", "NUFA, sak 14/24
/// (24.4.2024)", "Nasjonalt e-helseråd, sak 37/23 (14.12.2023)") or number first ("NR 4/24 NUFA 24.04.24",
/// "10/24 NUIT 15.02.2024"). After the key come the earlier case's title and then its decision, which
/// starts with the body's name and a verb ("NUFA drøftet saken …").
/// </summary>
internal static partial class ReferenceParser
{
    public static IReadOnlyList<ParsedReference> Parse(IEnumerable<string> lines)
    {
        var text = TextJoiner.Join(lines);
        var keys = FindKeys(text);
        var references = new List<ParsedReference>();
        for (var k = 0; k < keys.Count; k++)
        {
            var key = keys[k];
            var end = k + 1 < keys.Count ? keys[k + 1].Start : text.Length;
            var raw = text[key.Start..end].Trim();
            var rest = text[key.End..end].Trim();
            var decision = DecisionStart().Match(rest);
            var title = decision.Success ? rest[..decision.Index].Trim() : rest;
            references.Add(new ParsedReference(key.Case, key.Date, decision.Success ? rest[decision.Index..].Trim() : null, raw)
            {
                Title = title.Length > 0 ? title : null,
            });
        }

        return references;
    }

    /// <summary>One reference per case: a case named in the text and again in the table is kept once, with the first reading.</summary>
    public static IReadOnlyList<ParsedReference> Distinct(IEnumerable<ParsedReference> references) =>
        references.GroupBy(r => r.Case).Select(g => g.First()).ToList();

    private sealed record Key(int Start, int End, CaseKey Case, DateOnly? Date);

    private static List<Key> FindKeys(string text)
    {
        var keys = new List<Key>();
        foreach (var m in BodyFirst().Matches(text).Concat(NumberFirst().Matches(text)).OrderBy(m => m.Index))
        {
            if (keys.Count > 0 && m.Index < keys[^1].End) continue;
            var body = NormaliseBody(m.Groups["body"].Value);
            if (!Bodies.TryParse(body, out var code) || !CaseNumber.TryParse(m.Groups["num"].Value, out var number)) continue;
            DateOnly? date = m.Groups["date"].Success && NorwegianDates.TryParseDate(m.Groups["date"].Value, out var d) ? d : null;
            keys.Add(new Key(m.Index, m.Index + m.Length, new CaseKey(code, number), date));
        }

        return keys;
    }

    private static string NormaliseBody(string body) => Whitespace().Replace(body, " ").Replace("e- ", "e-", StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?<body>NUIT|NUFA|Nasjonalt\s+e-\s?helseråd)(?:\s*,)?(?:\s+sak)?\s+(?<num>\d{1,4}/\d{2})(?![\d/])(?:\s*\((?<date>\d{1,2}\.\d{1,2}\.\d{2,4})\))?", RegexOptions.CultureInvariant)]
    private static partial Regex BodyFirst();

    [GeneratedRegex(@"(?:\b(?:NR|Nr\.?|nr\.?|Sak|sak)\s+)?(?<![\d/])(?<num>\d{1,4}/\d{2})\s+(?<body>NUIT|NUFA|Nasjonalt\s+e-\s?helseråd)\s+(?<date>\d{1,2}\.\d{1,2}\.\d{2,4})", RegexOptions.CultureInvariant)]
    private static partial Regex NumberFirst();

    [GeneratedRegex(@"\b(?:NUIT|NUFA|Nasjonalt e-helseråd|E-helserådet)\s+\p{Ll}", RegexOptions.CultureInvariant)]
    private static partial Regex DecisionStart();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
