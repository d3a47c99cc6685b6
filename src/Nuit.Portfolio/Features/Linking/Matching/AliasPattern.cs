using System.Text;
using System.Text.RegularExpressions;

namespace Nuit.Portfolio.Features.Linking.Matching;

/// <summary>
/// Turns one alias into a regular-expression fragment. The fragment is meant for a regex built with
/// <see cref="RegexOptions.IgnoreCase"/> | <see cref="RegexOptions.CultureInvariant"/>; parts that must keep
/// their case switch it off inline.
/// </summary>
internal static class AliasPattern
{
    /// <summary>
    /// Word boundaries by hand: <c>\b</c> with ECMAScript semantics treats æøå as non-letters, so "KJ" would be
    /// found in "KJØP". A hyphen is a boundary, which is why "SFM-modulen" and "SFM-en" count as SFM.
    /// </summary>
    public const string Start = @"(?<![\p{L}\p{N}])";
    public const string End = @"(?![\p{L}\p{N}])";

    private static readonly string Hyphen =
        "[" + string.Concat(AliasText.HyphenChars.Select(c => $@"\u{(int)c:X4}")) + "]";

    /// <summary>
    /// Between the words of an alias: a hyphen (spaces before it on the same line, any whitespace after it,
    /// so "KI-\nplan" from a PDF line break counts) or any run of whitespace including newlines.
    /// </summary>
    private static readonly string Separator = $@"(?:[^\S\r\n]*{Hyphen}\s*|\s+)";

    /// <summary>
    /// Bokmål/nynorsk endings a noun or proper name takes: definite (-en, -et, -a, -n), plural (-er, -r, -ene, -ne),
    /// genitive (-s, -ens, -ets, -ns, -enes, -nes) and -e. Longest first only for readability; the end boundary
    /// after the group makes the regex backtrack to the one that fits.
    /// </summary>
    private const string Inflection = "(?:enes|ene|ens|ets|nes|ers|en|et|er|ne|ns|es|a|e|n|r|s)?";

    public static string Build(string alias)
    {
        var words = AliasText.Words(alias);
        if (words.Length == 0) return "";
        if (words.Length == 1 && AliasText.IsAbbreviation(words[0]) && alias.Trim() == words[0])
            return Start + Abbreviation(words[0]) + End;

        var body = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                // "ICD-11" is also written "ICD 11" and "ICD11": where letters meet digits the separator may be left out.
                var joinsLetterToDigit = char.IsLetter(words[i - 1][^1]) != char.IsLetter(words[i][0]);
                body.Append(joinsLetterToDigit ? $"(?:{Separator})?" : Separator);
            }
            body.Append(i == words.Length - 1 && IsInflectable(words) ? InflectedWord(words[i]) : Regex.Escape(words[i]));
        }
        return Start + body + End;
    }

    /// <summary>
    /// Abbreviations keep to whole words and take only the genitive -s ("SFMs"). Two-letter ones must be written
    /// in capitals, because a lower-case two-letter word ("kj.", "rf") is too often something else; three to five
    /// letters are distinctive enough to be found in any case ("sfm"). The price: an abbreviation that is also a
    /// Norwegian word (say "MAL") would match the word too; such an alias should be avoided.
    /// </summary>
    private static string Abbreviation(string word)
    {
        var letters = Regex.Escape(word);
        var core = word.Length == 2 ? $"(?-i:{letters})" : letters;
        return core + "(?-i:s)?";
    }

    private static bool IsInflectable(string[] words) =>
        words.Sum(w => w.Count(char.IsLetter)) >= AliasText.MinInflectableLetters && words[^1].All(char.IsLetter);

    /// <summary>A word ending in -e also drops it before -a: "legemiddelliste" → "legemiddellista".</summary>
    private static string InflectedWord(string word)
    {
        var escaped = Regex.Escape(word) + Inflection;
        if (word.Length > 1 && word[^1] is 'e' or 'E')
            return $"(?:{escaped}|{Regex.Escape(word[..^1])}as?)";
        return escaped;
    }
}
