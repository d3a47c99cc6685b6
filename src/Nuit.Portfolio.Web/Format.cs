using System.Globalization;

namespace Nuit.Portfolio.Web;

/// <summary>nb-NO formats for screens (files and APIs use ISO and invariant numbers).</summary>
public static class Format
{
    public static readonly CultureInfo NbNo = CultureInfo.GetCultureInfo("nb-NO");

    public static string Number(decimal value) => value.ToString("#,##0.##", NbNo);

    public static string Date(DateOnly date) => date.ToString("d. MMMM yyyy", NbNo);

    public static string ShortDate(DateOnly date) => date.ToString("dd.MM.yyyy", NbNo);
}
