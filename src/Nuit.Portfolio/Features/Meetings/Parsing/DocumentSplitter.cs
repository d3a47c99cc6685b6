using System.Text.RegularExpressions;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// Cuts a file into its documents. A meeting document starts at its heading ("Møte i NUIT",
/// "Referat fra møte i NUIT") above the line "Møte 3/2024" (or a damaged form of it, see <see cref="MeetingNumberLine"/>); a cover note starts at its title, the line
/// just above a bare "Forslag til vedtak" (the agenda writes "Forslag til vedtak:" with a colon).
/// Each document runs until the next one starts.
/// </summary>
internal static partial class DocumentSplitter
{
    public static IReadOnlyList<DocumentBlock> Split(IReadOnlyList<SourceLine> lines)
    {
        // One pass, each pattern once per line (issue 17): the next non-blank line's "Forslag til vedtak" and the
        // previous non-blank line's heading are carried along instead of searched for again at every line.
        var starts = new List<(int Index, BlockKind Kind)>();
        var bare = new bool[lines.Count];
        var nextNonBlank = new int[lines.Count];
        var next = -1;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            nextNonBlank[i] = next;
            if (lines[i].IsBlank) continue;
            bare[i] = TextNormalizer.StartsWithAny(lines[i].Text, "Ff") && BareProposalHeading().IsMatch(lines[i].Text);
            next = i;
        }

        var heading = -1;
        var belowHeading = false;
        for (var i = 0; i < lines.Count; i++)
        {
            // A blank line neither starts a meeting ("Møte …") nor is a cover note's title.
            if (lines[i].IsBlank) continue;
            if (MeetingNumberLine.StartsMeeting(lines, i, belowHeading))
            {
                AddStart(starts, belowHeading ? heading : i, BlockKind.Meeting);
            }
            else if (!bare[i] && nextNonBlank[i] >= 0 && bare[nextNonBlank[i]])
            {
                AddStart(starts, i, BlockKind.CoverNote);
            }

            heading = i;
            belowHeading = TextNormalizer.StartsWithAny(lines[i].Text, "MmRr") && MeetingHeading().IsMatch(lines[i].Text);
        }

        var blocks = new List<DocumentBlock>();
        for (var s = 0; s < starts.Count; s++)
        {
            var from = starts[s].Index;
            var to = s + 1 < starts.Count ? starts[s + 1].Index : lines.Count;
            blocks.Add(new DocumentBlock(starts[s].Kind, lines is List<SourceLine> list ? list.GetRange(from, to - from) : lines.Skip(from).Take(to - from).ToList()));
        }

        return blocks;
    }

    public static bool IsMeetingHeading(string text) => MeetingHeading().IsMatch(text);

    private static void AddStart(List<(int Index, BlockKind Kind)> starts, int index, BlockKind kind)
    {
        if (starts.Count == 0 || starts[^1].Index != index) starts.Add((index, kind));
    }

    internal static int PreviousNonBlank(IReadOnlyList<SourceLine> lines, int i)
    {
        for (var j = i - 1; j >= 0; j--)
            if (!lines[j].IsBlank) return j;
        return -1;
    }

    internal static int NextNonBlank(IReadOnlyList<SourceLine> lines, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
            if (!lines[j].IsBlank) return j;
        return -1;
    }

    [GeneratedRegex(@"^\s*(?:Referat\s+fra\s+)?møte\s+i\s+\S.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeetingHeading();

    [GeneratedRegex(@"^\s*Forslag\s+til\s+vedtak\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareProposalHeading();
}
