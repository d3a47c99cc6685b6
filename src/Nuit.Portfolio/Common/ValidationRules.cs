using FluentValidation;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Common;

/// <summary>Rules several requests share, with one wording.</summary>
public static class ValidationRules
{
    /// <summary>A case written as "NUIT 31/24" (or "NUFA, sak 14/24"); null passes, for optional fields.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeACase<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || CaseKey.TryParse(c, out _))
            .WithMessage((_, c) => $"«{c}» er ikke en sak. Skriv den som «NUIT 31/24».");

    /// <summary>A quarter written as "2025-Q1" (an optional one: add <c>.When(x => x.Quarter is not null)</c>).</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAQuarter<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(q => q is not null && Quarter.TryParse(q, out _))
            .WithMessage((_, q) => $"«{q}» er ikke et kvartal. Skriv det som 2025-Q1.");

    /// <summary>A meeting written as "2/2019" (or "2/19"); null or empty passes, for the optional hint of a damaged document.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeAMeetingNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(m => string.IsNullOrWhiteSpace(m) || IsMeetingNumber(m))
            .WithMessage((_, m) => $"Møte: «{m}» er ikke et møtenummer; skriv det som 2/2019.");

    /// <summary>A meeting named with its body, as planning does: "NUIT 3/2025" (the body may be left out: NUIT).</summary>
    public static IRuleBuilderOptions<T, string> MustNameAMeeting<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(m => Features.Meetings.Planning.MeetingKey.TryParse(m, out _))
            .WithMessage((_, m) => $"«{m}» er ikke et møte. Skriv det som «NUIT 3/2025».");

    private static bool IsMeetingNumber(string number)
    {
        try { return Features.Meetings.Parsing.MeetingHint.From(number, null) is not null; }
        catch (FormatException) { return false; }
    }
}
