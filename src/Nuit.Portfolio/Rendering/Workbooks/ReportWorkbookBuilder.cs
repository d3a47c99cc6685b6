using ClosedXML.Excel;
using Nuit.Portfolio.Rendering.Charts;
using Nuit.Portfolio.Rendering.Reports;
using static Nuit.Portfolio.Rendering.Reports.ReportFormat;
using static Nuit.Portfolio.Rendering.Workbooks.IndicatorWorkbookLayout;

namespace Nuit.Portfolio.Rendering.Workbooks;

/// <summary>
/// The quarterly report as a workbook: sheets Sammendrag, Tiltak, Indikatorer, Saker and Aksjonspunkter,
/// each an Excel table with a frozen header, real numbers and dates, statuses as words, and the charts
/// as pictures. Pure: model in, bytes out. Text cells go through the indicator workbook's
/// formula-injection guard, since case titles and narratives come from documents and users.
/// </summary>
public static class ReportWorkbookBuilder
{
    public static readonly IReadOnlyList<string> Sheets = ["Sammendrag", "Tiltak", "Indikatorer", "Saker", "Aksjonspunkter"];

    private const string DateFormat = "dd.mm.yyyy";

    // Pictures at 60 %: two charts side by side fit a landscape page.
    private const double PictureScale = 0.6;

    public static byte[] Build(QuarterReport report, IReadOnlyList<ChartImage> charts, string edition)
    {
        var chart = charts.ToDictionary(c => c.Key);
        using var workbook = new XLWorkbook();
        Summary(workbook.AddWorksheet(Sheets[0]), report, edition, chart);
        Items(workbook.AddWorksheet(Sheets[1]), report);
        Indicators(workbook.AddWorksheet(Sheets[2]), report, chart);
        Cases(workbook.AddWorksheet(Sheets[3]), report);
        ActionPoints(workbook.AddWorksheet(Sheets[4]), report);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static void Summary(IXLWorksheet ws, QuarterReport r, string edition, Dictionary<string, ChartImage> charts)
    {
        ws.Cell(1, 1).SetValue($"Oppfølging av Nasjonal e-helsestrategi – {r.QuarterText}").Style.Font.SetBold().Font.SetFontSize(14);
        Text(ws.Cell(2, 1), $"{edition}. Datagrunnlag per {DateTime(r.CutOff)}. Kvartal {r.Quarter}.");
        string[] headers = ["Mål", "Navn", "Målets status", "Grønn", "Gul", "Rød", "Grå", $"Endret siden {Period(r.PreviousQuarter)}"];
        var row = Header(ws, 4, headers);
        foreach (var g in r.Goals)
        {
            row++;
            Text(ws.Cell(row, 1), g.Code.Length == 0 ? "–" : g.Code);
            Text(ws.Cell(row, 2), g.Name);
            Text(ws.Cell(row, 3), g.Rag.Length == 0 ? "" : Rag(g.Rag));
            Int(ws.Cell(row, 4), g.Counts.Green);
            Int(ws.Cell(row, 5), g.Counts.Amber);
            Int(ws.Cell(row, 6), g.Counts.Red);
            Int(ws.Cell(row, 7), g.Counts.Grey);
            Text(ws.Cell(row, 8), g.Changes.Count == 0 ? "Ingen endringer"
                : string.Join("; ", g.Changes.Select(c => $"{c.Item}: {Rag(c.From)} → {Rag(c.To)} ({Change(c.Change).ToLowerInvariant()})")));
        }
        row = Table(ws, 4, row, headers, "Sammendrag");
        row += 2;
        ws.Cell(row, 1).SetValue("Hull i oppfølgingen").Style.Font.SetBold();
        foreach (var gap in r.ItemsNotDiscussed)
            Text(ws.Cell(++row, 1), $"{gap.Item} {gap.Name}: ikke berørt av noen sak de siste {r.GapQuarters} kvartalene{(gap.LastDiscussed is { } d ? $" (sist {Date(d)})" : "")}");
        foreach (var gap in r.IndicatorsWithoutValue)
            Text(ws.Cell(++row, 1), $"{gap.Item} {gap.Name}: mangler verdi for {Period(gap.ExpectedPeriod)}");
        row += 2;
        Picture(ws, charts.GetValueOrDefault("status-per-mal"), row, 1);
        Picture(ws, charts.GetValueOrDefault("saker-per-kvartal"), row, 6);
    }

    private static void Items(IXLWorksheet ws, QuarterReport r)
    {
        string[] headers = ["Kode", "Navn", "Type", "Mål", "Status", "Forrige kvartal", "Endring", "Kommentar", "Rapportert av", "Registrert", "Eier", "Milepæler", "Forsinkede milepæler"];
        var row = Header(ws, 1, headers);
        foreach (var i in r.Items)
        {
            row++;
            Text(ws.Cell(row, 1), i.Code);
            Text(ws.Cell(row, 2), i.Name);
            Text(ws.Cell(row, 3), Kind(i.Kind));
            Text(ws.Cell(row, 4), i.Goal);
            Text(ws.Cell(row, 5), Rag(i.Rag));
            Text(ws.Cell(row, 6), Rag(i.PreviousRag));
            Text(ws.Cell(row, 7), Change(i.Change));
            Text(ws.Cell(row, 8), i.Narrative);
            Text(ws.Cell(row, 9), i.Author);
            if (i.RecordedAt is { } at) DateCell(ws.Cell(row, 10), at.UtcDateTime, DateTimeFormat);
            Text(ws.Cell(row, 11), i.Owner);
            Text(ws.Cell(row, 12), string.Join("\n", i.Milestones.Select(Milestone)));
            Int(ws.Cell(row, 13), i.Milestones.Count(m => m.Slipped));
        }
        Table(ws, 1, row, headers, "Tiltak");
    }

    private static void Indicators(IXLWorksheet ws, QuarterReport r, Dictionary<string, ChartImage> charts)
    {
        string[] headers = ["Kode", "Indikator", "Mål", "Enhet", "Siste periode", "Siste verdi", "Målverdi", "Status", "Forventet periode"];
        var row = Header(ws, 1, headers);
        foreach (var i in r.Indicators)
        {
            row++;
            var decimals = DecimalsOf(i.Values.Select(v => v.Value).Concat(i.Targets.Select(t => t.Value)));
            Text(ws.Cell(row, 1), i.Code);
            Text(ws.Cell(row, 2), i.Name);
            Text(ws.Cell(row, 3), i.Goal);
            Text(ws.Cell(row, 4), i.Unit);
            Text(ws.Cell(row, 5), i.Latest?.Period);
            Number(ws.Cell(row, 6), i.Latest?.Value, decimals);
            Number(ws.Cell(row, 7), i.Target, decimals);
            Text(ws.Cell(row, 8), Rag(i.Status));
            Text(ws.Cell(row, 9), i.ExpectedPeriod);
        }
        row = Table(ws, 1, row, headers, "Indikatorer") + 2;
        var column = 1;
        foreach (var i in r.Indicators)
        {
            if (charts.GetValueOrDefault($"indikator-{i.Code}") is not { } c) continue;
            Picture(ws, c, row, column);
            // Two charts per row of pictures, each about 24 rows high at this scale.
            if (column == 1) column = 6;
            else { column = 1; row += 24; }
        }
    }

    private static void Cases(IXLWorksheet ws, QuarterReport r)
    {
        string[] headers = ["Sak", "Møte", "Møtedato", "Type", "Tittel", "Vedtak", "Berører", "Koblinger"];
        var row = Header(ws, 1, headers);
        foreach (var c in r.Cases)
        {
            row++;
            Text(ws.Cell(row, 1), c.Case);
            Text(ws.Cell(row, 2), c.Meeting);
            if (c.MeetingDate is { } d) DateCell(ws.Cell(row, 3), d.ToDateTime(TimeOnly.MinValue), DateFormat);
            Text(ws.Cell(row, 4), c.Type);
            Text(ws.Cell(row, 5), c.Title);
            Text(ws.Cell(row, 6), c.Decision);
            Text(ws.Cell(row, 7), string.Join(", ", c.Items.Select(i => i.Item)));
            Text(ws.Cell(row, 8), string.Join(", ", c.Items.Select(i => $"{i.Item} ({LinkState(i.State)})")));
        }
        Table(ws, 1, row, headers, "Saker");
    }

    private static void ActionPoints(IXLWorksheet ws, QuarterReport r)
    {
        string[] headers = ["Sak", "Møtedato", "Alder (dager)", "Aksjonspunkt"];
        var row = Header(ws, 1, headers);
        foreach (var a in r.ActionPoints)
        {
            row++;
            Text(ws.Cell(row, 1), a.Case);
            if (a.MeetingDate is { } d) DateCell(ws.Cell(row, 2), d.ToDateTime(TimeOnly.MinValue), DateFormat);
            Int(ws.Cell(row, 3), a.AgeDays);
            Text(ws.Cell(row, 4), a.Text);
        }
        Table(ws, 1, row, headers, "Aksjonspunkter");
    }

    private static int Header(IXLWorksheet ws, int row, IReadOnlyList<string> headers)
    {
        for (var c = 0; c < headers.Count; c++) ws.Cell(row, c + 1).SetValue(headers[c]);
        return row;
    }

    /// <summary>An Excel table over the rows (filter buttons), frozen header, widths from the texts; returns the last row.</summary>
    private static int Table(IXLWorksheet ws, int headerRow, int lastRow, IReadOnlyList<string> headers, string name)
    {
        // A table needs a data row; an empty one says "nothing this quarter" better than a missing sheet.
        if (lastRow == headerRow) lastRow++;
        var table = ws.Range(headerRow, 1, lastRow, headers.Count).CreateTable(name);
        table.Theme = XLTableTheme.TableStyleLight9;
        ws.SheetView.FreezeRows(headerRow);
        for (var c = 1; c <= headers.Count; c++)
        {
            var texts = Enumerable.Range(headerRow, lastRow - headerRow + 1).Select(r => ws.Cell(r, c).GetString()).ToList();
            ws.Column(c).Width = Math.Min(Width(texts), 70);
        }
        ws.Range(headerRow + 1, 1, lastRow, headers.Count).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        return lastRow;
    }

    /// <summary>Excel allows picture names of 31 characters, so they are numbered; the chart title is in the picture itself.</summary>
    private static void Picture(IXLWorksheet ws, ChartImage? chart, int row, int column)
    {
        if (chart is null) return;
        using var png = new MemoryStream(chart.Png);
        ws.AddPicture(png, ClosedXML.Excel.Drawings.XLPictureFormat.Png, $"Diagram {ws.Pictures.Count + 1}").MoveTo(ws.Cell(row, column)).Scale(PictureScale);
    }

    private static void Text(IXLCell cell, string? text) => ClosedXmlIndicatorWorkbookWriter.Text(cell, text);

    private static void Int(IXLCell cell, int value)
    {
        cell.SetValue(value);
        cell.DataType = XLDataType.Number;
        cell.Style.NumberFormat.Format = "#,##0";
    }

    private static void Number(IXLCell cell, decimal? value, int decimals) => ClosedXmlIndicatorWorkbookWriter.Number(cell, value, decimals);

    private static void DateCell(IXLCell cell, System.DateTime value, string format)
    {
        cell.SetValue(value);
        cell.DataType = XLDataType.DateTime;
        cell.Style.NumberFormat.Format = format;
    }
}
