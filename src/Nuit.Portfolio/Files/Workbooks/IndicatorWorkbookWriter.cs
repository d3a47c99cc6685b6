using static Nuit.Portfolio.Files.Workbooks.IndicatorWorkbookLayout;

namespace Nuit.Portfolio.Files.Workbooks;

/// <summary>
/// Writes the indicator workbook (Indikatorer, Verdier, Om) with SpreadCheetah, one writer for every size:
/// rows stream into the file as the model yields them, so 1,000,000 values take as little memory as 10
/// (docs/benchmarks.md). Excel tables with filter buttons, frozen header rows, real numbers and dates with
/// format codes Excel shows the nb-NO way ("1 234,5"), status as text.
/// </summary>
public static class IndicatorWorkbookWriter
{
    /// <summary>Column widths come from the first rows; later rows do not change them (they are already written).</summary>
    private const int WidthSample = 1000;

    public static void Write(IndicatorWorkbook model, Stream output)
    {
        using var x = new XlsxWriter(output);
        var decimals = model.Indicators.ToDictionary(i => i.Code, i => i.Decimals);

        var indicators = model.Indicators.Select(i => IndicatorRow(x, i)).ToList();
        x.StartSheet(IndicatorSheet, [.. XlsxWriter.Widths(IndicatorHeaders, indicators).Select((w, c) => c is >= 6 and <= 8 ? Math.Max(w, 12) : w)], frozenRows: 1);
        x.Table(IndicatorTable, IndicatorHeaders, indicators);

        var styles = new ValueStyles([.. Enumerable.Range(0, MaxDecimals + 1).Select(d => x.Style(NumberFormat(d)))], x.Style(YearFormat), x.Style(DateTimeFormat));
        using var values = model.Values.GetEnumerator();
        var sample = new List<XCell[]>();
        while (sample.Count < WidthSample && values.MoveNext()) sample.Add(ValueRow(x, values.Current, decimals, styles));
        x.StartSheet(ValueSheet, [.. XlsxWriter.Widths(ValueHeaders, sample).Select((w, c) => c is 2 or 3 ? Math.Max(w, 12) : w)], frozenRows: 1);
        x.Table(ValueTable, ValueHeaders, sample.Concat(Rest(x, values, decimals, styles)));

        About(x, model);
        x.Finish();
    }

    private static XCell[] IndicatorRow(XlsxWriter x, IndicatorSheetRow i) =>
    [
        x.Text(i.Goal), x.Text(i.SubGoals), x.Text(i.Code), x.Text(i.Name), x.Text(i.Unit), x.Text(i.Source),
        PeriodCell(x, i.LatestPeriod is null ? null : Domain.Period.Parse(i.LatestPeriod)),
        x.Number(i.LatestValue, NumberFormat(i.Decimals)), x.Number(i.LatestTarget, NumberFormat(i.Decimals)), x.Text(i.Status),
    ];

    /// <summary>The Verdier sheet's styles, made once: numbers by decimals, the year, the registration time.</summary>
    private sealed record ValueStyles(SpreadCheetah.Styling.StyleId[] Numbers, SpreadCheetah.Styling.StyleId Year, SpreadCheetah.Styling.StyleId Date);

    private static XCell[] ValueRow(XlsxWriter x, ValueSheetRow v, Dictionary<string, int> decimals, ValueStyles styles)
    {
        var number = styles.Numbers[Math.Clamp(decimals.GetValueOrDefault(v.Code), 0, MaxDecimals)];
        return
        [
            x.Text(v.Code), v.Period.IsYear ? XlsxWriter.Int(v.Period.Year, styles.Year) : x.Text(v.Period.ToString()),
            XlsxWriter.Number(v.Value, number), XlsxWriter.Number(v.Target, number), x.Text(v.Status),
            x.Text(v.Source), x.Text(v.Note), x.Text(v.TargetSetBy), XlsxWriter.Date(v.RecordedAt, styles.Date, DateTimeFormat),
        ];
    }

    private static IEnumerable<XCell[]> Rest(XlsxWriter x, IEnumerator<ValueSheetRow> values, Dictionary<string, int> decimals, ValueStyles styles)
    {
        while (values.MoveNext()) yield return ValueRow(x, values.Current, decimals, styles);
    }

    /// <summary>A year is a real number (shown without grouping: 2024, not 2 024); a quarter is the text 2025-Q1.</summary>
    private static XCell PeriodCell(XlsxWriter x, Domain.Period? period) => period switch
    {
        null => XlsxWriter.Empty,
        { IsYear: true } p => XlsxWriter.Int(p.Year, x.Style(YearFormat)),
        var p => x.Text(p.ToString()),
    };

    private static void About(XlsxWriter x, IndicatorWorkbook model)
    {
        string[] headers = ["Kode", "Navn", "Beskrivelse", "Enhet", "Retning", "Periodisitet", "Kilde", "Kilde-URL", "Utgangspunkt", "Toleranse gul"];
        var definitions = model.Indicators.Select(i => (IReadOnlyList<XCell>)
        [
            x.Text(i.Code), x.Wrapped(i.Name), x.Wrapped(i.Description), x.Text(i.Unit), x.Text(i.Direction), x.Text(i.Periodicity),
            x.Text(i.Source), x.Text(i.SourceUrl), x.Text(i.Baseline), x.Number(i.AmberTolerance, PercentFormat),
        ]).ToList();
        var widths = XlsxWriter.Widths(headers, definitions);
        widths[0] = 22;
        widths[1] = 60;

        var a = model.About;
        x.StartSheet(AboutSheet, widths);
        x.About("Strategiske indikatorer – Nasjonal e-helsestrategi",
        [
            ("Eksportert", x.Date(a.ExportedAt, DateTimeFormat)),
            ("Versjon", x.Wrapped(a.Version)),
            ("Filter", x.Wrapped(a.Filters)),
            ("Status", x.Wrapped("Beregnes per periode fra verdi mot målverdi for samme periode. Grønn: målverdien er nådd "
                + "(for «lavere er bedre»: ikke overskredet). Gul: innenfor toleransen (standard 15 % av målverdien). "
                + "Rød: lenger unna. Grå: ingen verdi rapportert. Uten mål: verdi uten målverdi.")),
            ("Import", x.Wrapped("Arket Verdier kan redigeres og leses inn igjen (nuit import-values FIL eller "
                + "POST /api/indicators/values). Kolonnene Verdi, Målverdi, Kilde, Merknad og Målverdi satt i sak leses; "
                + "Status beregnes på nytt. Tomme celler endrer ingenting; nye rader legger til perioder.")),
        ]);

        // Definitions: what each indicator means and where its figures come from.
        x.Row([]);
        x.Row([.. headers.Select(x.Bold)]);
        foreach (var row in definitions) x.Row(row);
    }
}
