using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// Joins wrapped lines back into running text. The documents are Word files printed to PDF, so a
/// hyphen at the end of a line is a real one ("e-" + "helseløsninger" is "e-helseløsninger", never
/// "ehelseløsninger"), except in a shortened compound ("veilednings- og godkjenningsordning").
/// </summary>
internal static partial class TextJoiner
{
    /// <summary>Joins lines into one line of text, keeping hyphens as described on the class.</summary>
    public static string Join(IEnumerable<string> lines) => Join(lines, null);

    /// <summary>As <see cref="Join"/>, and gives for each input line the offset where its text starts in the result.</summary>
    public static string JoinWithOffsets(IEnumerable<string> lines, out IReadOnlyList<int> offsets)
    {
        var starts = new List<int>();
        offsets = starts;
        return Join(lines, starts);
    }

    // Offsets only when asked for: most joins do not need them (issue 17).
    private static string Join(IEnumerable<string> lines, List<int>? starts)
    {
        // One builder per thread, reused: a document makes thousands of joins, and a new builder for each was most
        // of what the parser allocated (issue 17). Nothing below calls Join again while the builder is in use.
        var sb = _builder ?? new StringBuilder(1024);
        _builder = null;
        sb.Clear();
        foreach (var raw in lines)
        {
            var part = CollapseSpaces(raw);
            if (part.Length == 0)
            {
                starts?.Add(sb.Length);
                continue;
            }

            if (sb.Length > 0 && !NeedsNoSpace(sb, part))
                sb.Append(' ');
            starts?.Add(sb.Length);
            sb.Append(part);
        }

        var text = sb.ToString();
        if (sb.Capacity <= 64 * 1024) _builder = sb;
        return text;
    }

    [ThreadStatic]
    private static StringBuilder? _builder;

    /// <summary>
    /// Joins lines into paragraphs: a bullet or a numbered item starts a new paragraph (written with "• "
    /// or its number), every other line continues the current one. Blank lines are ignored because the
    /// PDF conversion puts them in the middle of sentences.
    /// </summary>
    public static string JoinParagraphs(IEnumerable<string> lines) => string.Join("\n", Paragraphs(lines));

    public static IReadOnlyList<string> Paragraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var startsItem = TryBullet(line, out var bulletText) || NumberedItem().IsMatch(line);
            if (startsItem && current.Count > 0)
            {
                paragraphs.Add(Join(current));
                current.Clear();
            }

            current.Add(bulletText is not null ? "• " + bulletText : line);
        }

        if (current.Count > 0) paragraphs.Add(Join(current));
        return paragraphs;
    }

    /// <summary>Recognises the bullet styles in the documents: •, -, o, ➢ and a few more.</summary>
    public static bool TryBullet(string line, out string? text)
    {
        var m = Bullet().Match(line);
        text = m.Success ? m.Groups["text"].Value.Trim() : null;
        return m.Success;
    }

    /// <summary>
    /// Every run of white space as one space, none at either end: what <c>Regex.Replace(s, @"\s+", " ").Trim()</c>
    /// gives (\s and <see cref="char.IsWhiteSpace(char)"/> are the same set), without a regex or a new string
    /// for a line that is already clean — most lines are, and this runs on every line several times (issue 17).
    /// </summary>
    public static string CollapseSpaces(string s)
    {
        var span = s.AsSpan();
        if (span.IsEmpty || (span[0] != ' ' && span[^1] != ' ' && !span.ContainsAny(OtherWhiteSpace) && span.IndexOf("  ", StringComparison.Ordinal) < 0))
            return s;

        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // Every white-space character but the plain space, taken from char.IsWhiteSpace itself so the two agree.
    private static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c))]);

    private static bool NeedsNoSpace(StringBuilder sb, string next)
    {
        var last = sb[^1];
        if (last != '-' || sb.Length < 2 || !char.IsLetterOrDigit(sb[^2])) return false;
        var firstWord = FirstWord().Match(next).Value;
        return !ShortenedCompoundFollowers.Contains(firstWord);
    }

    // "Helse- og omsorgsdepartementet", "veilednings- og godkjenningsordning": the hyphen stands for a
    // shared last part, so the word after it is a conjunction and a space belongs there.
    private static readonly HashSet<string> ShortenedCompoundFollowers =
        new(["og", "eller", "samt", "enn", "and", "or", "&"], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[^\s]+")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"^\s*(?:[•➢▪●◦■\-–*]|o(?=\s))\s+(?<text>\S.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*\d{1,2}[.)]\s+\S")]
    private static partial Regex NumberedItem();
}
