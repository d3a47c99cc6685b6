using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

internal sealed record MinutesDetail(
    CaseNumber Number,
    string Title,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> ActionPoints,
    string? Decision,
    bool DecisionUpdated,
    ParsedSection? Narrative,
    SourceSpan Source);

/// <summary>
/// Reads the per-case part of minutes ("Sak Tema"): the account of what was presented, the
/// "Innspill:" bullets (also "Innspill til prismodellene:", "Øvrige innspill:"), "Aksjonspunkt:"
/// bullets and "Vedtak:" or "Vedtak oppdatert:".
/// </summary>
internal static partial class MinutesParser
{
    private enum State
    {
        Narrative,
        Inputs,
        Actions,
        Decision,
    }

    public static IReadOnlyList<MinutesDetail> Parse(DocumentBlock block, int detailHeading, int year, IReadOnlyDictionary<CaseNumber, string> tableTitles)
    {
        if (detailHeading < 0) return [];
        return CaseSegmenter.Segment(block.Lines, detailHeading + 1, year)
            .Select(s => ParseCase(block, s, tableTitles.GetValueOrDefault(s.Number)))
            .ToList();
    }

    private static MinutesDetail ParseCase(DocumentBlock block, CaseSegment segment, string? tableTitle)
    {
        var lines = block.Lines;
        var headerEnd = CaseSegmenter.ReadTitle(lines, segment, tableTitle, out var title);

        var narrative = new List<string>();
        var inputs = new List<List<string>>();
        var actions = new List<List<string>>();
        var decision = new List<string>();
        var updated = false;
        var state = State.Narrative;
        var lastContent = headerEnd;

        for (var i = headerEnd + 1; i < segment.EndIndex; i++)
        {
            if (lines[i].IsBlank) continue;
            var text = lines[i].Text;
            lastContent = i;

            // Each heading's first letter spares the other lines its pattern (issue 17).
            if (TextNormalizer.StartsWithAny(text, "Ii") && InputsHeading().IsMatch(text)) state = State.Inputs;
            else if (TextNormalizer.StartsWithAny(text, "Aa") && ActionsHeading().IsMatch(text)) state = State.Actions;
            else if (TextNormalizer.StartsWithAny(text, "Vv") && DecisionHeading().Match(text) is { Success: true } d)
            {
                state = State.Decision;
                updated |= d.Groups["updated"].Success;
                if (d.Groups["rest"].Value.Trim() is { Length: > 0 } rest) decision.Add(rest);
            }
            else
            {
                switch (state)
                {
                    case State.Inputs: AddToItems(inputs, text); break;
                    case State.Actions: AddToItems(actions, text); break;
                    case State.Decision: decision.Add(text); break;
                    default: narrative.Add(text); break;
                }
            }
        }

        var narrativeText = TextJoiner.JoinParagraphs(narrative);
        return new MinutesDetail(
            segment.Number,
            title,
            inputs.Select(TextJoiner.Join).ToList(),
            actions.Select(TextJoiner.Join).ToList(),
            decision.Count > 0 ? TextJoiner.JoinParagraphs(decision) : null,
            updated,
            narrativeText.Length > 0 ? new ParsedSection("Referat", narrativeText, block.Span(segment.HeaderIndex, lastContent)) : null,
            block.Span(segment.HeaderIndex, lastContent));
    }

    /// <summary>A bullet starts a new item; any other line continues the current one (the PDF wraps long bullets).</summary>
    private static void AddToItems(List<List<string>> items, string line)
    {
        if (TextJoiner.TryBullet(line, out var text)) items.Add([text!]);
        else if (items.Count == 0) items.Add([line]);
        else items[^1].Add(line);
    }

    [GeneratedRegex(@"^\s*(?:Øvrige\s+)?innspill\b[^:]{0,60}:\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InputsHeading();

    [GeneratedRegex(@"^\s*Aksjonspunkt(?:er)?\s*:\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActionsHeading();

    [GeneratedRegex(@"^\s*Vedtak(?<updated>\s+oppdatert)?\s*:\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecisionHeading();
}
