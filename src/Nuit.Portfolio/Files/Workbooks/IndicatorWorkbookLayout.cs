using System.Globalization;

namespace Nuit.Portfolio.Files.Workbooks;

/// <summary>
/// Sheet names, columns and formats shared by the writers and the reader, so an exported workbook
/// always reads back. Format codes are stored locale-free in the file (',' groups, '.' decimals);
/// Excel and LibreOffice show them with nb-NO separators ("1 234,5").
/// </summary>
public static class IndicatorWorkbookLayout
{
    public const string IndicatorSheet = "Indikatorer";
    public const string ValueSheet = "Verdier";
    public const string AboutSheet = "Om";
    public const string IndicatorTable = "Indikatorer";
    public const string ValueTable = "Verdier";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Column order of the Verdier sheet. The reader finds columns by header, so users may reorder them.
    public const string CodeHeader = "Indikator";
    public const string PeriodHeader = "Periode";
    public const string ValueHeader = "Verdi";
    public const string TargetHeader = "Målverdi";
    public const string StatusHeader = "Status";
    public const string SourceHeader = "Kilde";
    public const string NoteHeader = "Merknad";
    public const string CaseHeader = "Målverdi satt i sak";
    public const string RecordedHeader = "Registrert";

    public static readonly IReadOnlyList<string> ValueHeaders =
        [CodeHeader, PeriodHeader, ValueHeader, TargetHeader, StatusHeader, SourceHeader, NoteHeader, CaseHeader, RecordedHeader];

    public static readonly IReadOnlyList<string> IndicatorHeaders =
        ["Strategisk mål", "Delmål", "Kode", "Navn", "Enhet", "Kilde", "Siste periode", "Siste verdi", "Målverdi", "Status"];

    /// <summary>Largest number of decimals shown; values with more are rounded on screen only.</summary>
    public const int MaxDecimals = 3;

    public const string YearFormat = "0";
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm";
    public const string PercentFormat = "0 %";

    public static string NumberFormat(int decimals) =>
        decimals <= 0 ? "#,##0" : "#,##0." + new string('0', Math.Min(decimals, MaxDecimals));

    /// <summary>Decimals needed to show every number of an indicator as entered (at most <see cref="MaxDecimals"/>).</summary>
    public static int DecimalsOf(IEnumerable<decimal> numbers) =>
        // Dividing by this 1 drops trailing zeros (57.0 → 57), so Scale counts only significant decimals.
        numbers.Select(n => Math.Min(MaxDecimals, (int)(n / 1.000000000000000000000000000000000m).Scale)).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Text that a spreadsheet could take for a formula (=, +, -, @, tab, CR first). It is always
    /// written as a text cell; these are also marked with a quote prefix so editing the cell in Excel
    /// keeps it text. A case title or note can come from an imported document.
    /// </summary>
    public static bool LooksLikeFormula(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Removes characters XML 1.0 cannot hold (control characters from PDFs); keeps tab and line breaks.</summary>
    public static string CleanText(string text)
    {
        // A plain loop: this runs for every text cell of a million-row export.
        var clean = true;
        foreach (var c in text)
            if (c < ' ' && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF') { clean = false; break; }
        if (clean) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); continue; }
            if (c < ' ' && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Width in characters from the longest text in a column, within sensible bounds; needs no font (no GDI+).</summary>
    public static double Width(IEnumerable<string?> texts) =>
        Math.Clamp(texts.Select(t => t?.Split('\n').Max(l => l.Length) ?? 0).DefaultIfEmpty(0).Max() + 3, 9, 60);

    /// <summary>Invariant text without trailing zeros, so 25.60 and 25.6 compare equal in the change history.</summary>
    public static string Invariant(decimal d) => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
