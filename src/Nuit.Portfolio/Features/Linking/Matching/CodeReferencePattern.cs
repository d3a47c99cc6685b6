using System.Text.RegularExpressions;

namespace Nuit.Portfolio.Features.Linking.Matching;

/// <summary>
/// How texts refer to a goal or sub-goal by its code: "M1", "mål 1", "Mål 1", "strategisk mål 1" for goal M1;
/// "delmål 1A", "delmål 1 A" for sub-goal 1A. Deliberately narrow, because a wrong goal link is worse than a
/// missing one:
/// <list type="bullet">
/// <item>"M1" must be in capitals; a bare "1A" is never a reference.</item>
/// <item>Not followed by a colon: "Mål 1: Data og statistikk skal raskt ut" is a heading of some other body's
/// strategy (FHI's, in NUIT 35/24). When our own goal is written as a heading, its name follows and matches.</item>
/// <item>Not part of a number or range: "mål 12", "mål 1.2", "mål 1–3".</item>
/// <item>Lists are not expanded: in "mål 1, 2 og 3" only goal 1 is found.</item>
/// </list>
/// </summary>
internal static partial class CodeReferencePattern
{
    private const string NotHeadingOrRange = @"(?!\s*:)(?![.,]\d)(?!\s*[-\u2013]\s*\d)";

    /// <summary>The pattern for the item's code, or null when the code is not in the goal (M1) or sub-goal (1A) form.</summary>
    public static string? Build(MatchItem item)
    {
        var code = item.Code.Trim();
        switch (item.Kind)
        {
            case MatchItemKind.Goal when GoalCode().Match(code) is { Success: true } m:
                var n = m.Groups["n"].Value;
                return $@"{AliasPattern.Start}(?:(?-i:M){n}|mål\s+{n}){AliasPattern.End}{NotHeadingOrRange}";
            case MatchItemKind.SubGoal when SubGoalCode().Match(code) is { Success: true } m:
                var goal = m.Groups["n"].Value;
                var letter = m.Groups["letter"].Value;
                return $@"{AliasPattern.Start}delmål\s+{goal}[^\S\r\n]?{letter}{AliasPattern.End}{NotHeadingOrRange}";
            default:
                return null;
        }
    }

    [GeneratedRegex(@"^M(?<n>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex GoalCode();

    [GeneratedRegex(@"^(?<n>\d{1,2})(?<letter>[A-Z])$", RegexOptions.CultureInvariant)]
    private static partial Regex SubGoalCode();
}
