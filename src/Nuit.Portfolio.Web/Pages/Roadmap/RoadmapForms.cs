using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;

namespace Nuit.Portfolio.Web.Pages.Roadmap;

/// <summary>
/// Puts a refused edit's reason next to the field it names: validators name the request property,
/// handlers name «felt x»; both map to the form's property under <paramref name="prefix"/>.
/// Returns false for exceptions that are not bad input (they go to the error handler).
/// </summary>
internal static class RoadmapForms
{
    public static bool AddErrors(ModelStateDictionary state, Exception ex, string prefix)
    {
        switch (ex)
        {
            case ValidationException v:
                foreach (var e in v.Errors) state.AddModelError(Key(prefix, e.PropertyName), e.ErrorMessage);
                return true;
            case InputException i:
                state.AddModelError(Key(prefix, i.Location is { } l && l.StartsWith("felt ", StringComparison.Ordinal) ? l[5..] : null), Capitalise(i.Reason));
                return true;
            case NotFoundException n:
                state.AddModelError("", n.Message);
                return true;
            case DbUpdateConcurrencyException:
                state.AddModelError("", "Noen andre har endret dette mens du redigerte. Last siden på nytt for å se gjeldende verdier, og gjør endringen igjen.");
                return true;
            default:
                return false;
        }
    }

    private static string Key(string prefix, string? field) =>
        string.IsNullOrEmpty(field) ? "" : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static IReadOnlyList<string> Split(string? text, char separator) =>
        [.. (text ?? "").Split(separator).Select(s => s.Trim()).Where(s => s.Length > 0)];
}
