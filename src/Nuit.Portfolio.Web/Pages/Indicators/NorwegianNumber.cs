using System.Globalization;

namespace Nuit.Portfolio.Web.Pages.Indicators;

/// <summary>
/// Numbers typed on the indicator forms: «12,5» as people in Norway write it, «12.5» as a value copied from a
/// spreadsheet or the API, and spaces as thousands separators («1 234,5»). A dot beside a comma («1.234,5»)
/// is refused rather than guessed at.
/// </summary>
internal static class NorwegianNumber
{
    private static readonly CultureInfo NbNo = CultureInfo.GetCultureInfo("nb-NO");

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        // Regular, no-break and narrow no-break spaces all separate thousands; nb-NO itself expects the no-break one.
        var compact = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F')]);
        if (compact.Contains('.', StringComparison.Ordinal))
        {
            if (compact.Contains(',', StringComparison.Ordinal)) return false;
            compact = compact.Replace('.', ',');
        }
        // nb-NO's minus sign is U+2212; .NET also takes the hyphen a keyboard gives.
        return decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, NbNo, out value);
    }

    /// <summary>A stored value as the form shows it: «12,5», no thousands separator, no rounding.</summary>
    public static string Format(decimal value) => value.ToString("0.############", NbNo);
}
