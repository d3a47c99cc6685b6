using Nuit.Portfolio.Rendering.Charts;
using Nuit.Portfolio.Rendering.Reports;
using static Nuit.Portfolio.Rendering.Reports.ReportFormat;
using SpreadCheetah.Images;
using static Nuit.Portfolio.Files.Workbooks.IndicatorWorkbookLayout;

namespace Nuit.Portfolio.Files.Workbooks;

/// <summary>
/// The quarterly report as a workbook: sheets Sammendrag, Tiltak, Indikatorer, Saker and Aksjonspunkter,
/// each an Excel table with a frozen header, real numbers and dates, statuses as words, and the charts
/// as pictures (PNG from ScottPlot, embedded as they are: no System.Drawing). Pure: model in, bytes out. Text cells go through the indicator workbook's
/// formula-injection guard, since case titles and narratives come from documents and users.
/// </summary>
public static class ReportWorkbookBuilder
{
    public static readonly IReadOnlyList<string> Sheets = ["Sammendrag", "Tiltak", "Indikatorer", "Saker", "Aksjonspunkter", "Vedtak", "Oppfølging", "Dekning"];

    private const string DateFormat = "dd.mm.yyyy";

    // Pictures at 60 %: two charts side by side fit a landscape page.
    private const float PictureScale = 0.6f;

    public static byte[] Build(QuarterReport report, IReadOnlyList<ChartImage> charts, string edition)
    {
        using var output = new MemoryStream();
        using (var x = new XlsxWriter(output))
        {
            // SpreadCheetah takes pictures before the first worksheet starts.
            var pictures = charts.DistinctBy(c => c.Key).ToDictionary(c => c.Key, c => x.Embed(c.Png));
            Summary(x, report, edition, pictures);
            Items(x, report);
            Indicators(x, report, pictures);
            Cases(x, report);
            ActionPoints(x, report);
            Decisions(x, report);
            ActionPointEvents(x, report);
            Coverage(x, report);
            x.Finish();
        }
        return output.ToArray();
    }

    private static void Summary(XlsxWriter x, QuarterReport r, string edition, Dictionary<string, EmbeddedImage> pictures)
    {
        string[] headers = ["Mål", "Navn", "Målets status", "Grønn", "Gul", "Rød", "Grå", $"Endret siden {Period(r.PreviousQuarter)}"];
        var rows = r.Goals.Select(g => (IReadOnlyList<XCell>)
        [
            x.Text(g.Code.Length == 0 ? "–" : g.Code), x.Text(g.Name), x.Text(g.Rag.Length == 0 ? "" : Rag(g.Rag)),
            x.Int(g.Counts.Green), x.Int(g.Counts.Amber), x.Int(g.Counts.Red), x.Int(g.Counts.Grey),
            x.Text(g.Changes.Count == 0 ? "Ingen endringer"
                : string.Join("; ", g.Changes.Select(c => $"{c.Item}: {Rag(c.From)} → {Rag(c.To)} ({Change(c.Change).ToLowerInvariant()})"))),
        ]).ToList();
        x.StartSheet(Sheets[0], XlsxWriter.Widths(headers, rows), frozenRows: 4);
        x.Row([new(new SpreadCheetah.Cell($"Oppfølging av Nasjonal e-helsestrategi – {r.QuarterText}", x.Style(bold: true, size: 14)), null)]);
        x.Row([x.Text($"{edition}. Datagrunnlag per {DateTime(r.CutOff)}. Kvartal {r.Quarter}.")]);
        x.Row([]);
        x.Table(Sheets[0], headers, rows);
        x.Row([]);
        x.Row([x.Bold("Hull i oppfølgingen")]);
        foreach (var gap in r.ItemsNotDiscussed)
            x.Row([x.Text($"{gap.Item} {gap.Name}: ikke berørt av noen sak de siste {r.GapQuarters} kvartalene{(gap.LastDiscussed is { } d ? $" (sist {Date(d)})" : "")}")]);
        foreach (var gap in r.IndicatorsWithoutValue)
            x.Row([x.Text($"{gap.Item} {gap.Name}: mangler verdi for {Period(gap.ExpectedPeriod)}")]);
        var row = x.NextRow + 1;
        Picture(x, pictures.GetValueOrDefault("status-per-mal"), row, 1);
        Picture(x, pictures.GetValueOrDefault("saker-per-kvartal"), row, 6);
    }

    private static void Items(XlsxWriter x, QuarterReport r)
    {
        string[] headers = ["Kode", "Navn", "Type", "Mål", "Status", "Forrige kvartal", "Endring", "Kommentar", "Rapportert av", "Registrert", "Eier", "Milepæler", "Forsinkede milepæler"];
        TableSheet(x, Sheets[1], headers, r.Items.Select(i => (IReadOnlyList<XCell>)
        [
            x.Text(i.Code), x.Text(i.Name), x.Text(Kind(i.Kind)), x.Text(i.Goal), x.Text(Rag(i.Rag)), x.Text(Rag(i.PreviousRag)),
            x.Text(Change(i.Change)), x.Text(i.Narrative), x.Text(i.Author), x.Date(i.RecordedAt?.UtcDateTime, DateTimeFormat),
            x.Text(i.Owner), x.Text(string.Join("\n", i.Milestones.Select(Milestone))), x.Int(i.Milestones.Count(m => m.Slipped)),
        ]));
    }

    private static void Indicators(XlsxWriter x, QuarterReport r, Dictionary<string, EmbeddedImage> pictures)
    {
        string[] headers = ["Kode", "Indikator", "Mål", "Enhet", "Siste periode", "Siste verdi", "Målverdi", "Status", "Forventet periode"];
        TableSheet(x, Sheets[2], headers, r.Indicators.Select(i =>
        {
            var format = NumberFormat(DecimalsOf(i.Values.Select(v => v.Value).Concat(i.Targets.Select(t => t.Value))));
            return (IReadOnlyList<XCell>)
            [
                x.Text(i.Code), x.Text(i.Name), x.Text(i.Goal), x.Text(i.Unit), x.Text(i.Latest?.Period),
                x.Number(i.Latest?.Value, format), x.Number(i.Target, format), x.Text(Rag(i.Status)), x.Text(i.ExpectedPeriod),
            ];
        }));
        var row = x.NextRow + 1;
        var column = 1;
        foreach (var i in r.Indicators)
        {
            if (pictures.GetValueOrDefault($"indikator-{i.Code}") is not { } picture) continue;
            Picture(x, picture, row, column);
            // Two charts per row of pictures, each about 24 rows high at this scale.
            if (column == 1) column = 6;
            else { column = 1; row += 24; }
        }
    }

    private static void Cases(XlsxWriter x, QuarterReport r)
    {
        string[] headers = ["Sak", "Møte", "Møtedato", "Type", "Tittel", "Vedtak", "Berører", "Koblinger"];
        TableSheet(x, Sheets[3], headers, r.Cases.Select(c => (IReadOnlyList<XCell>)
        [
            x.Text(c.Case), x.Text(c.Meeting), x.Date(c.MeetingDate?.ToDateTime(TimeOnly.MinValue), DateFormat), x.Text(c.Type),
            x.Text(c.Title), x.Text(c.Decision), x.Text(string.Join(", ", c.Items.Select(i => i.Item))),
            x.Text(string.Join(", ", c.Items.Select(i => $"{i.Item} ({LinkState(i.State)})"))),
        ]));
    }

    private static void ActionPoints(XlsxWriter x, QuarterReport r)
    {
        string[] headers = ["Sak", "Møtedato", "Alder (dager)", "Aksjonspunkt"];
        TableSheet(x, Sheets[4], headers, r.ActionPoints.Select(a => (IReadOnlyList<XCell>)
        [
            x.Text(a.Case), x.Date(a.MeetingDate?.ToDateTime(TimeOnly.MinValue), DateFormat), x.Int(a.AgeDays), x.Text(a.Text),
        ]));
    }

    private static void Decisions(XlsxWriter x, QuarterReport r)
    {
        string[] headers = ["Mål", "Målets navn", "Kode", "Navn", "Type", "Sak", "Møtedato", "Tittel", "Vedtak", "Kobling"];
        TableSheet(x, Sheets[5], headers, r.Decisions.Select(d => (IReadOnlyList<XCell>)
        [
            x.Text(d.Goal), x.Text(d.GoalName), x.Text(d.Item), x.Text(d.ItemName), x.Text(Kind(d.Kind)), x.Text(d.Case),
            x.Date(d.MeetingDate?.ToDateTime(TimeOnly.MinValue), DateFormat), x.Text(d.Title), x.Text(d.Decision), x.Text(LinkState(d.Link)),
        ]));
    }

    private static void ActionPointEvents(XlsxWriter x, QuarterReport r)
    {
        string[] headers = ["Hendelse", "Id", "Sak", "Møtedato", "Aksjonspunkt", "Ansvarlig", "Frist", "Status", "Lukket", "Lukket av sak"];
        TableSheet(x, Sheets[6], headers, r.ActionPointEvents.Select(a => (IReadOnlyList<XCell>)
        [
            x.Text(ActionEvent(a.Event)), x.Int(a.Id), x.Text(a.Case), x.Date(a.MeetingDate?.ToDateTime(TimeOnly.MinValue), DateFormat), x.Text(a.Text),
            x.Text(string.Join(", ", a.Owners)), x.Date(a.Due?.ToDateTime(TimeOnly.MinValue), DateFormat), x.Text(ActionStatus(a.Status)),
            x.Date(a.ClosedOn?.ToDateTime(TimeOnly.MinValue), DateFormat), x.Text(a.ClosedByCase),
        ]));
    }

    private static void Coverage(XlsxWriter x, QuarterReport r)
    {
        string[] headers = ["Kode", "Navn", "Type", "Sist berørt", "Sist i sak", $"Ikke berørt på {r.GapQuarters} kvartaler"];
        TableSheet(x, Sheets[7], headers, r.ItemsNotDiscussed.Select(g => (IReadOnlyList<XCell>)
        [
            x.Text(g.Item), x.Text(g.Name), x.Text(Kind(g.Kind)), x.Date(g.LastDiscussed?.ToDateTime(TimeOnly.MinValue), DateFormat), x.Text(g.LastCase),
            x.Text(g.LastDiscussed is null ? "Aldri berørt" : "Ja"),
        ]));
    }

    /// <summary>A sheet holding one table (named as the sheet) under a frozen header, widths from its texts.</summary>
    private static void TableSheet(XlsxWriter x, string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<XCell>> rows)
    {
        var all = rows.ToList();
        x.StartSheet(name, XlsxWriter.Widths(headers, all), frozenRows: 1);
        // Table names take ASCII letters only: «Oppfølging» is the table «Oppfolging».
        x.Table(name.Replace('ø', 'o').Replace('å', 'a').Replace('æ', 'e'), headers, all);
    }

    private static void Picture(XlsxWriter x, EmbeddedImage? picture, int row, int column)
    {
        if (picture is not null) x.Picture($"{XlsxWriter.ColumnLetters(column)}{row}", picture, PictureScale);
    }
}
