using System.Text;

namespace Nuit.Portfolio.Features.Linking.Matching;

/// <summary>How an alias is written, shared by the matcher and <see cref="AliasRules"/> so both agree on what is "the same alias".</summary>
internal static class AliasText
{
    /// <summary>
    /// Hyphen-like characters PDF text uses between the parts of a compound: ASCII hyphen, soft hyphen,
    /// Unicode hyphen, non-breaking hyphen, figure dash and en dash (Word turns "KI - plan" into an en dash).
    /// </summary>
    public const string HyphenChars = "-\u00AD\u2010\u2011\u2012\u2013";

    /// <summary>Short all-capital abbreviations (RF, SFM, EHDS) are matched as whole words only and never inflected.</summary>
    public const int MaxAbbreviationLength = 5;

    /// <summary>Aliases with at least this many letters may carry a Norwegian inflection suffix; shorter words are too easily part of something else.</summary>
    public const int MinInflectableLetters = 5;

    public static bool IsHyphen(char c) => HyphenChars.Contains(c, StringComparison.Ordinal);

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>True for RF, KJ, SFM, PLL, EHDS, HTO, ICD11: 2–5 capital letters or digits, at least one letter, nothing else.</summary>
    public static bool IsAbbreviation(string alias)
    {
        var a = alias.Trim();
        return a.Length is >= 2 and <= MaxAbbreviationLength
            && a.All(c => char.IsDigit(c) || (char.IsLetter(c) && char.IsUpper(c)))
            && a.Any(char.IsLetter);
    }

    /// <summary>The words of an alias, split on whitespace and hyphens: "KI-plan", "KI plan" and "KI‑plan" give the same words.</summary>
    public static string[] Words(string alias) =>
        alias.Split([.. HyphenChars, ' ', '\t', '\r', '\n', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);

    public static int SignificantCharCount(string alias) => alias.Count(char.IsLetterOrDigit);

    /// <summary>
    /// The form two aliases are compared in: NFC, lower case, hyphens and whitespace runs as one space.
    /// "KI-plan" and "ki plan" normalise alike; "Kjernejournal" and "Kjernejournalen" do not.
    /// </summary>
    public static string Normalise(string alias)
    {
        var words = Words(alias.Normalize(NormalizationForm.FormC));
        return string.Join(' ', words).ToLowerInvariant();
    }
}
