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
        var sb = RentBuilder();
        foreach (var raw in lines)
        {
            var part = raw.AsSpan().Trim();
            if (part.IsEmpty)
            {
                starts?.Add(sb.Length);
                continue;
            }

            Separate(sb, 0, FirstWord(part));
            starts?.Add(sb.Length);
            AppendCollapsed(sb, part);
        }

        return ReturnBuilder(sb);
    }

    // One builder per thread, reused: a document makes thousands of joins, and a new builder for each was most
    // of what the parser allocated (issue 17). Nothing below calls a join again while the builder is in use.
    [ThreadStatic]
    private static StringBuilder? _builder;

    private static StringBuilder RentBuilder()
    {
        var sb = _builder ?? new StringBuilder(1024);
        _builder = null;
        sb.Clear();
        return sb;
    }

    private static string ReturnBuilder(StringBuilder sb)
    {
        var text = sb.ToString();
        if (sb.Capacity <= 64 * 1024) _builder = sb;
        return text;
    }

    /// <summary>
    /// The space between the text so far (from <paramref name="start"/>) and the next part, unless the text is empty or
    /// ends in a hyphen the part continues (see the class).
    /// </summary>
    private static void Separate(StringBuilder sb, int start, ReadOnlySpan<char> nextFirstWord)
    {
        if (sb.Length > start && !NeedsNoSpace(sb, start, nextFirstWord)) sb.Append(' ');
    }

    /// <summary>
    /// Joins lines into paragraphs: a bullet or a numbered item starts a new paragraph (written with "• "
    /// or its number), every other line continues the current one. Blank lines are ignored because the
    /// PDF conversion puts them in the middle of sentences.
    /// </summary>
    /// <remarks>
    /// Written straight into one builder, each line's spaces collapsed as it is appended: the paragraphs as strings,
    /// the bullets' "• " + text and the collapsed lines were each a string made only to be copied again (issue 17).
    /// Each paragraph is what <see cref="Join(IEnumerable{string})"/> gives for its lines, the paragraphs separated by "\n".
    /// </remarks>
    public static string JoinParagraphs(IEnumerable<string> lines)
    {
        var sb = RentBuilder();
        var start = 0;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var bullet = BulletText(line);
            var startsItem = bullet.Start >= 0 || (TextNormalizer.StartsWithAny(line, TextNormalizer.Digits) && NumberedItem().IsMatch(line));
            if (startsItem && sb.Length > start)
            {
                sb.Append('\n');
                start = sb.Length;
            }

            if (bullet.Start >= 0)
            {
                Separate(sb, start, "•");
                sb.Append("• ");
                AppendCollapsed(sb, line.AsSpan(bullet.Start, bullet.Length));
            }
            else
            {
                var part = line.AsSpan().Trim();
                Separate(sb, start, FirstWord(part));
                AppendCollapsed(sb, part);
            }
        }

        return ReturnBuilder(sb);
    }

    /// <summary>Recognises the bullet styles in the documents: •, -, o, ➢ and a few more.</summary>
    public static bool TryBullet(string line, out string? text)
    {
        var (start, length) = BulletText(line);
        text = start >= 0 ? line.Substring(start, length) : null;
        return start >= 0;
    }

    /// <summary>
    /// Where a bullet line's text is (trimmed), or a start of -1: what <c>Bullet()</c> and its group «text», trimmed,
    /// give, read without a <see cref="Match"/> and its strings for every line. A line with a line break is left to
    /// the pattern, whose <c>.</c> and <c>$</c> treat one specially.
    /// </summary>
    private static (int Start, int Length) BulletText(string line)
    {
        if (line.Contains('\n', StringComparison.Ordinal))
        {
            var m = Bullet().Match(line);
            if (!m.Success) return (-1, 0);
            var g = m.Groups["text"];
            var trimmed = line.AsSpan(g.Index, g.Length).TrimEnd();
            return (g.Index, trimmed.Length);
        }

        var i = 0;
        while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
        if (i >= line.Length) return (-1, 0);
        var mark = line[i];
        var isMark = mark is '•' or '➢' or '▪' or '●' or '◦' or '■' or '-' or '–' or '*'
                     || (mark == 'o' && i + 1 < line.Length && char.IsWhiteSpace(line[i + 1]));
        if (!isMark) return (-1, 0);
        i++;
        var spaces = i;
        while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
        if (i == spaces || i >= line.Length) return (-1, 0);
        return (i, line.AsSpan(i).TrimEnd().Length);
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

    private static bool NeedsNoSpace(StringBuilder sb, int start, ReadOnlySpan<char> nextFirstWord)
    {
        var last = sb[^1];
        if (last != '-' || sb.Length - start < 2 || !char.IsLetterOrDigit(sb[^2])) return false;
        return !Followers.Contains(nextFirstWord);
    }

    /// <summary>The text up to the first white space (the part is trimmed, so it is never empty).</summary>
    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> part)
    {
        for (var i = 0; i < part.Length; i++)
            if (char.IsWhiteSpace(part[i])) return part[..i];
        return part;
    }

    /// <summary>
    /// Appends a trimmed part with every run of white space as one space, as <see cref="CollapseSpaces"/> would give it,
    /// without making the collapsed string first.
    /// </summary>
    private static void AppendCollapsed(StringBuilder sb, ReadOnlySpan<char> part)
    {
        if (!part.ContainsAny(OtherWhiteSpace) && part.IndexOf("  ", StringComparison.Ordinal) < 0)
        {
            sb.Append(part);
            return;
        }

        var pendingSpace = false;
        foreach (var c in part)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
    }

    // "Helse- og omsorgsdepartementet", "veilednings- og godkjenningsordning": the hyphen stands for a
    // shared last part, so the word after it is a conjunction and a space belongs there.
    private static readonly HashSet<string> ShortenedCompoundFollowers =
        new(["og", "eller", "samt", "enn", "and", "or", "&"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Followers =
        ShortenedCompoundFollowers.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"^\s*(?:[•➢▪●◦■\-–*]|o(?=\s))\s+(?<text>\S.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*\d{1,2}[.)]\s+\S")]
    private static partial Regex NumberedItem();
}
