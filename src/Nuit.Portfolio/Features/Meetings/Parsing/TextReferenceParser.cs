using System.Globalization;
using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>A case named in running text ("jf. sak 27/24"), with the sentence it stands in as evidence.</summary>
public sealed record TextReference(CaseKey Case, string Sentence, int Position);

/// <summary>
/// Finds case references in running text: "sak 44/24", "sakene 7/24 og 8/24", "NUIT-sak 9/24", "jf. sak 27/24",
/// "NUFA, sak 14/24", "Nasjonalt e-helseråd, sak 37/23", sub-cases "39/19-2". A number counts only right after
/// the word sak/sakene/saksnr or a body's name, and only with a two-digit year the council could have used,
/// because the texts are full of "N/N" that are not cases: "1/3 av", "24/7", "13/2", "Møte 3/24". Without a
/// body's name the case is NUIT's, the council whose documents these are.
/// </summary>
public static partial class TextReferenceParser
{
    /// <summary>The council model's bodies started numbering cases in 2017; earlier years are not cases.</summary>
    private const int FirstYear = 2010;

    /// <param name="latestYear">The year of the text's own case: a reference cannot point later. Null: no upper bound beyond 2049.</param>
    public static IReadOnlyList<TextReference> Find(string text, int? latestYear = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<TextReference>();
        var seen = new HashSet<CaseKey>();
        foreach (Match m in Reference().Matches(text))
        {
            var body = BodyCode.Nuit;
            if (m.Groups["body"].Success && !Bodies.TryParse(Whitespace().Replace(m.Groups["body"].Value, " ").Replace("e- ", "e-", StringComparison.Ordinal), out body))
                continue;
            foreach (Capture c in m.Groups["num"].Captures)
            {
                if (!TryNumber(c.Value, latestYear, out var number)) continue;
                // "Sak 21/24 NUFA 28.08.24": a body's name right after the number is the case's body.
                var after = BodyAfter().Match(text, c.Index + c.Length);
                var key = new CaseKey(after.Success && Bodies.TryParse(Whitespace().Replace(after.Groups["body"].Value, " "), out var named) ? named : body, number);
                if (seen.Add(key)) found.Add(new TextReference(key, Sentence(text, c.Index), c.Index));
            }
        }
        return found;
    }

    private static bool TryNumber(string s, int? latestYear, out CaseNumber number)
    {
        number = default;
        if (!CaseNumber.TryParse(s, out number)) return false;
        return number.Year >= FirstYear && number.Year <= (latestYear ?? 2049);
    }

    /// <summary>The sentence around <paramref name="index"/>: from the previous full stop followed by a capital (or a line break) to the next.</summary>
    public static string Sentence(string text, int index)
    {
        var start = 0;
        for (var i = index - 1; i > 0; i--)
        {
            if (text[i] == '\n') { start = i + 1; break; }
            if (char.IsWhiteSpace(text[i]) && i + 1 < text.Length && char.IsUpper(text[i + 1]) && text[i - 1] is '.' or '!' or '?' or '•' && !Abbreviation(text, i - 1))
            {
                start = i + 1;
                break;
            }
        }
        var end = text.Length;
        for (var i = index; i < text.Length; i++)
        {
            if (text[i] == '\n') { end = i; break; }
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || (char.IsWhiteSpace(text[i + 1]) && i + 2 < text.Length && char.IsUpper(text[i + 2]))) && !Abbreviation(text, i))
            {
                end = i + 1;
                break;
            }
        }
        var sentence = Whitespace().Replace(text[start..end], " ").Trim().TrimStart('•', '-', ' ');
        return sentence.Length <= 600 ? sentence : string.Create(CultureInfo.InvariantCulture, $"{sentence[..599]}…");
    }

    /// <summary>"jf." and "f.eks." end in a full stop without ending the sentence.</summary>
    private static bool Abbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.')) wordStart--;
        var word = text[wordStart..(dot + 1)].ToLowerInvariant();
        return word is "jf." or "jfr." or "f.eks." or "bl.a." or "ca." or "nr." or "kl." or "pkt." or "ev." or "evt.";
    }

    private const string Number = @"(?<![\d/.,])(?<num>\d{1,4}/\d{2}(?:-\d{1,3})?)(?![\d/]|\.\d)";

    // Body's name (with an optional ", sak", "-sak" or "sak"), or the word sak/sakene/saksnr alone; then one
    // number, or several joined by commas and "og" ("sakene 7/24, 8/24 og 9/24").
    [GeneratedRegex(
        @"(?:\b(?<body>NUIT|NUFA|Nasjonalt\s+e-\s?helseråd|[Ee]-helserådet?)(?:-sak(?:ene|en)?|\s*,?\s*(?:[Ss]ak(?:ene|en)?|[Ss]aksnr\.?|[Ss]aksnummer)?)\s+"
        + @"|\b(?:[Ss]ak(?:ene|en)?|[Ss]aksnr\.?|[Ss]aksnummer)\s+(?:nr\.?\s+)?)"
        + Number + @"(?:\s*(?:,|\bog\b)\s*(?:sak\s+)?" + Number + ")*",
        RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"\G\s+(?<body>NUIT|NUFA|Nasjonalt\s+e-helseråd)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BodyAfter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
