using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nuit.Portfolio.Common;

namespace Nuit.Portfolio.Web.Pages;

/// <summary>
/// Puts a refused request's reasons on the page that sent it, from the one exception table (<see cref="Outcomes"/>):
/// each reason next to the form field it names, the rest on the form as a whole. Faults that are not the person's doing
/// (a full disk, a bug) are not refusals: the catch does not take them and they reach the error handler.
/// </summary>
internal static class FormErrors
{
    /// <summary>
    /// Adds the reasons under <paramref name="prefix"/> («Input.Name»); a field the form does not have, or none, goes to
    /// <paramref name="fallbackField"/> or, without one, to <paramref name="formKey"/> (the whole form; "" is the page's summary).
    /// </summary>
    /// <param name="formFields">The form's fields; empty means «every request field is a form field».</param>
    public static bool TryAdd(ModelStateDictionary state, Exception ex, string? prefix = null, string? fallbackField = null, string formKey = "",
        params string[] formFields)
    {
        var outcome = Outcomes.Of(ex);
        if (!outcome.IsRefusal) return false;
        foreach (var error in outcome.Errors) state.AddModelError(KeyOf(error.Field), error.Message);
        return true;

        string KeyOf(string? field)
        {
            if (prefix is null) return formKey;
            var formField = field is null ? null
                : formFields.Length == 0 ? Capitalise(field)
                : formFields.FirstOrDefault(f => f.Equals(field, StringComparison.OrdinalIgnoreCase));
            return (formField ?? fallbackField) is { } f ? $"{prefix}.{f}" : formKey;
        }
    }

    /// <summary>The refusal as one sentence for pages that show a single message; null for faults (they are rethrown).</summary>
    public static string? Message(Exception ex) => Outcomes.Of(ex) is { IsRefusal: true } outcome ? string.Join(" ", outcome.Errors.Select(e => e.Message)) : null;

    /// <summary>The HTTP status a page answers a refusal with (400, 404 or 409), so scripts and tests see what happened.</summary>
    public static int Status(Exception ex) => Outcomes.Of(ex).HttpStatus;

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
