using System.Globalization;
using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

internal sealed record AgendaDetail(
    CaseNumber Number,
    string Title,
    string? Type,
    string? ProposedDecision,
    IReadOnlyList<ParsedAttachment> Attachments,
    ParsedSection? Description,
    SourceSpan Source);

/// <summary>
/// Reads the per-case part of an agenda ("Sak Tema Sakstype"): what the case is about, its attachments
/// ("Vedlegg 3:" with a title over a few lines) and the proposed decision ("Forslag til vedtak:").
/// </summary>
internal static partial class AgendaParser
{
    private enum State
    {
        Description,
        Attachment,
        Proposal,
    }

    public static IReadOnlyList<AgendaDetail> Parse(DocumentBlock block, int detailHeading, int year)
    {
        if (detailHeading < 0) return [];
        return CaseSegmenter.Segment(block.Lines, detailHeading + 1, year).Select(s => ParseCase(block, s)).ToList();
    }

    private static AgendaDetail ParseCase(DocumentBlock block, CaseSegment segment)
    {
        var lines = block.Lines;
        var headerEnd = ReadHeader(lines, segment, out var header);
        var (title, _, type) = CaseTableParser.SplitTitle(header);

        var description = new List<string>();
        var proposal = new List<string>();
        var attachments = new List<(string Label, List<string> Title)>();
        var state = State.Description;
        var lastContent = headerEnd;

        for (var i = headerEnd + 1; i < segment.EndIndex; i++)
        {
            var text = lines[i].Text;
            if (lines[i].IsBlank)
            {
                // An attachment's title is a short block of its own; a blank line ends it.
                if (state == State.Attachment && attachments[^1].Title.Count > 0) state = State.Description;
                continue;
            }

            lastContent = i;
            // Each pattern's first letter spares the other lines it (issue 17).
            if (TextNormalizer.StartsWithAny(text, "Ff") && Proposal().Match(text) is { Success: true } p)
            {
                state = State.Proposal;
                AddIfAny(proposal, p.Groups["rest"].Value);
            }
            else if (TextNormalizer.StartsWithAny(text, "V") && Attachment().Match(text) is { Success: true } a)
            {
                state = State.Attachment;
                attachments.Add((a.Groups["label"].Value, []));
                AddIfAny(attachments[^1].Title, a.Groups["rest"].Value);
            }
            else if (state == State.Proposal) proposal.Add(text);
            else if (state == State.Attachment) attachments[^1].Title.Add(text);
            else description.Add(text);
        }

        var descriptionText = TextJoiner.JoinParagraphs(description);
        return new AgendaDetail(
            segment.Number,
            title,
            type,
            proposal.Count > 0 ? TextJoiner.JoinParagraphs(proposal) : null,
            attachments.Where(a => a.Title.Count > 0).Select(ToAttachment).ToList(),
            descriptionText.Length > 0 ? new ParsedSection("Dagsorden", descriptionText, block.Span(segment.HeaderIndex, lastContent)) : null,
            block.Span(segment.HeaderIndex, lastContent));
    }

    /// <summary>The header row may wrap ("34/24 Erfaringer … \n(NORSURV) \n\nDrøfting"); it ends with the case type.</summary>
    private static int ReadHeader(IReadOnlyList<SourceLine> lines, CaseSegment segment, out string header)
    {
        header = segment.HeaderRest;
        if (CaseTableParser.EndsWithType(header)) return segment.HeaderIndex;

        var parts = new List<string> { segment.HeaderRest };
        for (var i = segment.HeaderIndex + 1; i < segment.EndIndex && parts.Count < 5; i++)
        {
            if (lines[i].IsBlank) continue;
            if (Proposal().IsMatch(lines[i].Text) || Attachment().IsMatch(lines[i].Text)) break;
            parts.Add(lines[i].Text);
            if (CaseTableParser.EndsWithType(TextJoiner.Join(parts)))
            {
                header = TextJoiner.Join(parts);
                return i;
            }
        }

        return segment.HeaderIndex;
    }

    private static ParsedAttachment ToAttachment((string Label, List<string> Title) a)
    {
        var number = int.Parse(Digits().Match(a.Label).Value, CultureInfo.InvariantCulture);
        return new ParsedAttachment(number, TextJoiner.Join(a.Title)) { Label = a.Label };
    }

    private static void AddIfAny(List<string> list, string text)
    {
        if (!string.IsNullOrWhiteSpace(text)) list.Add(text);
    }

    [GeneratedRegex(@"^\s*Forslag\s+til\s+vedtak\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Proposal();

    [GeneratedRegex(@"^\s*Vedlegg\s+(?<label>\d{1,3}[A-Z]?)\s*:\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Attachment();

    [GeneratedRegex(@"^\d+")]
    private static partial Regex Digits();
}
