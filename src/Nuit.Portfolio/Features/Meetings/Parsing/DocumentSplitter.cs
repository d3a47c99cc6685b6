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
        var starts = new List<(int Index, BlockKind Kind)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var heading = PreviousNonBlank(lines, i);
            var belowHeading = heading >= 0 && MeetingHeading().IsMatch(lines[heading].Text);
            if (MeetingNumberLine.StartsMeeting(lines, i, belowHeading))
            {
                AddStart(starts, belowHeading ? heading : i, BlockKind.Meeting);
            }
            else if (IsCoverNoteTitle(lines, i))
            {
                AddStart(starts, i, BlockKind.CoverNote);
            }
        }

        var blocks = new List<DocumentBlock>();
        for (var s = 0; s < starts.Count; s++)
        {
            var from = starts[s].Index;
            var to = s + 1 < starts.Count ? starts[s + 1].Index : lines.Count;
            blocks.Add(new DocumentBlock(starts[s].Kind, lines.Skip(from).Take(to - from).ToList()));
        }

        return blocks;
    }

    public static bool IsMeetingHeading(string text) => MeetingHeading().IsMatch(text);

    private static bool IsCoverNoteTitle(IReadOnlyList<SourceLine> lines, int i)
    {
        if (lines[i].IsBlank || BareProposalHeading().IsMatch(lines[i].Text)) return false;
        var next = NextNonBlank(lines, i);
        return next >= 0 && BareProposalHeading().IsMatch(lines[next].Text);
    }

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
