using ClosedXML.Excel;
using static Nuit.Portfolio.Rendering.Workbooks.IndicatorWorkbookLayout;

namespace Nuit.Portfolio.Rendering.Workbooks;

/// <summary>
/// Writes the whole indicator workbook with ClosedXML: frozen header rows, Excel tables (autofilter),
/// real numbers and dates with nb-NO display formats, status as text. Holds the workbook in memory,
/// so <see cref="IndicatorWorkbookWriter"/> switches to the streaming writer for large exports.
/// </summary>
public static class ClosedXmlIndicatorWorkbookWriter
{
    public static void Write(IndicatorWorkbook model, Stream output)
    {
        var rows = model.Values as IReadOnlyList<ValueSheetRow> ?? [.. model.Values];
        var decimals = model.Indicators.ToDictionary(i => i.Code, i => i.Decimals);
        using var workbook = Create(model, rows.Select(r => new StyledRow(r, decimals.GetValueOrDefault(r.Code), null)), rows.Take(1000).ToList());
        workbook.SaveAs(output);
    }

    /// <summary>
    /// A Verdier row with its number of decimals. <see cref="QuoteAll"/> forces the quote-prefixed text
    /// style on (true) or off (false) for every text cell; null decides per text.
    /// </summary>
    internal readonly record struct StyledRow(ValueSheetRow Row, int Decimals, bool? QuoteAll);

    /// <summary>The workbook with the given Verdier rows; column widths come from <paramref name="widthSample"/>.</summary>
    internal static XLWorkbook Create(IndicatorWorkbook model, IEnumerable<StyledRow> rows, IReadOnlyList<ValueSheetRow> widthSample)
    {
        var workbook = new XLWorkbook();
        WriteIndicators(workbook.AddWorksheet(IndicatorSheet), model.Indicators);
        WriteValues(workbook.AddWorksheet(ValueSheet), rows, widthSample);
        WriteAbout(workbook.AddWorksheet(AboutSheet), model);
        return workbook;
    }

    private static void WriteIndicators(IXLWorksheet ws, IReadOnlyList<IndicatorSheetRow> indicators)
    {
        Header(ws, IndicatorHeaders);
        var r = 2;
        foreach (var i in indicators)
        {
            Text(ws.Cell(r, 1), i.Goal);
            Text(ws.Cell(r, 2), i.SubGoals);
            Text(ws.Cell(r, 3), i.Code);
            Text(ws.Cell(r, 4), i.Name);
            Text(ws.Cell(r, 5), i.Unit);
            Text(ws.Cell(r, 6), i.Source);
            PeriodCell(ws.Cell(r, 7), i.LatestPeriod is null ? null : Domain.Period.Parse(i.LatestPeriod));
            Number(ws.Cell(r, 8), i.LatestValue, i.Decimals);
            Number(ws.Cell(r, 9), i.LatestTarget, i.Decimals);
            Text(ws.Cell(r, 10), i.Status);
            r++;
        }
        Finish(ws, IndicatorTable, IndicatorHeaders.Count, Math.Max(r - 1, 2), [
            [.. indicators.Select(i => i.Goal)], [.. indicators.Select(i => i.SubGoals)], [.. indicators.Select(i => i.Code)],
            [.. indicators.Select(i => i.Name)], [.. indicators.Select(i => i.Unit)], [.. indicators.Select(i => i.Source)],
            [], [], [], [.. indicators.Select(i => i.Status)]]);
    }

    private static void WriteValues(IXLWorksheet ws, IEnumerable<StyledRow> rows, IReadOnlyList<ValueSheetRow> widthSample)
    {
        Header(ws, ValueHeaders);
        var r = 2;
        foreach (var (v, d, quoteAll) in rows)
        {
            Text(ws.Cell(r, 1), v.Code, quoteAll);
            PeriodCell(ws.Cell(r, 2), v.Period);
            Number(ws.Cell(r, 3), v.Value, d);
            Number(ws.Cell(r, 4), v.Target, d);
            Text(ws.Cell(r, 5), v.Status, quoteAll);
            Text(ws.Cell(r, 6), v.Source, quoteAll);
            Text(ws.Cell(r, 7), v.Note, quoteAll);
            Text(ws.Cell(r, 8), v.TargetSetBy, quoteAll);
            Date(ws.Cell(r, 9), v.RecordedAt);
            r++;
        }
        Finish(ws, ValueTable, ValueHeaders.Count, Math.Max(r - 1, 2), [
            [.. widthSample.Select(v => v.Code)], [], [], [], [.. widthSample.Select(v => v.Status)],
            [.. widthSample.Select(v => v.Source)], [.. widthSample.Select(v => v.Note)], [.. widthSample.Select(v => v.TargetSetBy)],
            ["2025-01-01 00:00"]]);
    }

    private static void WriteAbout(IXLWorksheet ws, IndicatorWorkbook model)
    {
        var a = model.About;
        ws.Cell(1, 1).SetValue("Strategiske indikatorer – Nasjonal e-helsestrategi").Style.Font.SetBold().Font.SetFontSize(14);
        var facts = new (string Key, Action<IXLCell> Set)[]
        {
            ("Eksportert", c => Date(c, a.ExportedAt)),
            ("Versjon", c => Text(c, a.Version)),
            ("Filter", c => Text(c, a.Filters)),
            ("Status", c => Text(c, "Beregnes per periode fra verdi mot målverdi for samme periode. Grønn: målverdien er nådd "
                + "(for «lavere er bedre»: ikke overskredet). Gul: innenfor toleransen (standard 15 % av målverdien). "
                + "Rød: lenger unna. Grå: ingen verdi rapportert. Uten mål: verdi uten målverdi.")),
            ("Import", c => Text(c, "Arket Verdier kan redigeres og leses inn igjen (nuit import-values FIL eller "
                + "POST /api/indicators/values). Kolonnene Verdi, Målverdi, Kilde, Merknad og Målverdi satt i sak leses; "
                + "Status beregnes på nytt. Tomme celler endrer ingenting; nye rader legger til perioder.")),
        };
        var r = 3;
        foreach (var (key, set) in facts)
        {
            ws.Cell(r, 1).SetValue(key).Style.Font.SetBold();
            set(ws.Cell(r, 2));
            ws.Cell(r, 2).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            r++;
        }

        // Definitions: what each indicator means and where its figures come from.
        r++;
        string[] headers = ["Kode", "Navn", "Beskrivelse", "Enhet", "Retning", "Periodisitet", "Kilde", "Kilde-URL", "Utgangspunkt", "Toleranse gul"];
        for (var c = 0; c < headers.Length; c++) ws.Cell(r, c + 1).SetValue(headers[c]).Style.Font.SetBold();
        var first = r;
        foreach (var i in model.Indicators)
        {
            r++;
            Text(ws.Cell(r, 1), i.Code);
            Text(ws.Cell(r, 2), i.Name);
            Text(ws.Cell(r, 3), i.Description);
            Text(ws.Cell(r, 4), i.Unit);
            Text(ws.Cell(r, 5), i.Direction);
            Text(ws.Cell(r, 6), i.Periodicity);
            Text(ws.Cell(r, 7), i.Source);
            Text(ws.Cell(r, 8), i.SourceUrl);
            Text(ws.Cell(r, 9), i.Baseline);
            ws.Cell(r, 10).SetValue(i.AmberTolerance).Style.NumberFormat.SetFormat(PercentFormat);
        }
        ws.Column(1).Width = 22;
        ws.Column(2).Width = 60;
        ws.Range(first, 2, r, 3).Style.Alignment.SetWrapText();
        for (var c = 3; c <= headers.Length; c++)
            ws.Column(c).Width = Width([headers[c - 1], .. model.Indicators.Select(i => c switch
            {
                3 => i.Description, 4 => i.Unit, 5 => i.Direction, 6 => i.Periodicity, 7 => i.Source, 8 => i.SourceUrl, 9 => i.Baseline, _ => null,
            })]);
    }

    private static void Header(IXLWorksheet ws, IReadOnlyList<string> headers)
    {
        for (var c = 0; c < headers.Count; c++) ws.Cell(1, c + 1).SetValue(headers[c]);
    }

    /// <summary>Table (filter buttons, banded rows), frozen header and widths from the texts in each column.</summary>
    private static void Finish(IXLWorksheet ws, string tableName, int columns, int lastRow, IReadOnlyList<IReadOnlyList<string?>> texts)
    {
        var table = ws.Range(1, 1, lastRow, columns).CreateTable(tableName);
        table.Theme = XLTableTheme.TableStyleLight9;
        ws.SheetView.FreezeRows(1);
        for (var c = 1; c <= columns; c++)
        {
            var header = ws.Cell(1, c).GetString();
            var column = texts[c - 1];
            // Number, period and date columns hold short figures; their width follows the header.
            ws.Column(c).Width = column.Count == 0 ? Math.Max(Width([header]), 12) : Width([header, .. column]);
        }
    }

    /// <summary>Always a text cell, never a formula, whatever the text starts with (formula injection).</summary>
    internal static void Text(IXLCell cell, string? text, bool? quote = null)
    {
        if (text is null) return;
        var clean = CleanText(text ?? "");
        cell.SetValue(clean);
        cell.DataType = XLDataType.Text;
        if (quote ?? LooksLikeFormula(clean)) cell.Style.IncludeQuotePrefix = true;
    }

    internal static void Number(IXLCell cell, decimal? value, int decimals)
    {
        if (value is not { } v) return;
        cell.SetValue(v);
        cell.DataType = XLDataType.Number;
        cell.Style.NumberFormat.Format = NumberFormat(decimals);
    }

    /// <summary>A year is a real number (shown without grouping: 2024, not 2 024); a quarter is the text 2025-Q1.</summary>
    private static void PeriodCell(IXLCell cell, Domain.Period? period)
    {
        if (period is not { } p) return;
        if (p.IsYear)
        {
            cell.SetValue(p.Year);
            cell.DataType = XLDataType.Number;
        }
        else
        {
            cell.SetValue(p.ToString());
            cell.DataType = XLDataType.Text;
        }
        cell.Style.NumberFormat.Format = YearFormat;
    }

    private static void Date(IXLCell cell, DateTime? value)
    {
        if (value is not { } v) return;
        cell.SetValue(v);
        cell.DataType = XLDataType.DateTime;
        cell.Style.NumberFormat.Format = DateTimeFormat;
    }
}
