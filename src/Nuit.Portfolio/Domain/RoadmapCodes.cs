using System.Text.RegularExpressions;

namespace Nuit.Portfolio.Domain;

/// <summary>
/// The code rules of the roadmap, shared by the seed loader, the edit commands and the roadmap workbook
/// import, so a code that one path accepts is never refused by another. Each check returns the reason in
/// bokmål, or null when the code is fine.
/// </summary>
public static partial class RoadmapCodes
{
    public const int MaxLength = 40;

    public static string Normalise(string code) => code.Trim().ToUpperInvariant();

    public static string? CodeProblem(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "koden er tom."
        : !CodePattern().IsMatch(code) ? $"koden «{code}» kan bare ha store bokstaver, sifre og bindestrek (høyst {MaxLength} tegn)."
        : null;

    public static string? GoalCodeProblem(string code) =>
        CodeProblem(code) ?? (GoalPattern().IsMatch(code) ? null : $"målkoden «{code}» skal være M og et siffer, f.eks. M1.");

    /// <summary>Sub-goals are coded goal number + letter: 1A sits under M1.</summary>
    public static string? SubGoalCodeProblem(string code, string goalCode) =>
        CodeProblem(code) ?? (SubGoalPattern().IsMatch(code) && goalCode.Length == 2 && code[0] == goalCode[1]
            ? null
            : $"delmålkoden «{code}» skal være målets nummer og en bokstav, f.eks. {(goalCode.Length == 2 ? goalCode[1] : '1')}A.");

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^M[1-9]$")]
    private static partial Regex GoalPattern();

    [GeneratedRegex("^[1-9][A-Z]$")]
    private static partial Regex SubGoalPattern();
}
