using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Files.Workbooks;

namespace Nuit.Portfolio.Tests.Workbooks;

/// <summary>A small indicator workbook model with the awkward cases: quarters, missing targets, formula-like text.</summary>
internal static class SampleWorkbook
{
    public const string Injection = "=HYPERLINK(\"http://evil.example\",\"klikk\")";

    public static IndicatorWorkbook Create(int extraRows = 0)
    {
        var indicators = new List<IndicatorSheetRow>
        {
            new("M1", "1A", "DIGITAL-KONTAKT", "Andel innbyggere med digital kontakt", null, "%", "Høyere er bedre", "År",
                "Innbyggerundersøkelsen om e-helse 2023", null, null, 0.15m, "2023", 57, 60, "Gul", 0),
            new("M1", null, "HELSENORGE-BESOK", "Besøk på Helsenorge per år", "+ beskrivelse", "millioner", "Høyere er bedre", "År",
                "Innbyggerundersøkelsen om e-helse 2023", null, null, 0.15m, "2023", 109.5m, null, "Uten mål", 1),
            new("M2", null, "KVARTAL", "Et kvartalsvis mål", null, "antall", "Lavere er bedre", "Kvartal",
                null, null, null, 0.15m, "2025-Q1", 1234.5m, 1000, "Rød", 1),
        };
        var at = new DateTime(2025, 2, 13, 14, 30, 0, DateTimeKind.Unspecified);
        var values = new List<ValueSheetRow>
        {
            new("DIGITAL-KONTAKT", Period.OfYear(2022), 54, null, "Uten mål", "Innbyggerundersøkelsen om e-helse 2023", null, null, at),
            new("DIGITAL-KONTAKT", Period.OfYear(2023), 57, 60, "Gul", "Innbyggerundersøkelsen om e-helse 2023", Injection, "NUIT 31/24", at),
            new("DIGITAL-KONTAKT", Period.OfYear(2025), null, 65, "Grå (ikke rapportert)", null, null, "NUIT 31/24", null),
            new("HELSENORGE-BESOK", Period.OfYear(2023), 109.5m, null, "Uten mål", "-tall fra rapporten", "@bruker", null, at),
            new("KVARTAL", Period.Of(new Quarter(2025, 1)), 1234.5m, 1000, "Rød", "\tinnrykk", null, null, at),
        };
        for (var i = 0; i < extraRows; i++)
            values.Add(new("HELSENORGE-BESOK", Period.OfYear(1900 + i % 1000), i / 10m, i % 3 == 0 ? i : null, "Uten mål", "Kilde " + i, null, null, at));
        return new IndicatorWorkbook(indicators, values, values.Count, new WorkbookAbout(at, "1.0.0-test", "alle mål; fra 2019"));
    }

    public static byte[] Write(IndicatorWorkbook model)
    {
        using var s = new MemoryStream();
        IndicatorWorkbookWriter.Write(model, s);
        return s.ToArray();
    }

    public static byte[] Write(int extraRows = 0) => Write(Create(extraRows));

    /// <summary>A workbook of <paramref name="rows"/> distinct indicator codes, one value each, produced lazily.</summary>
    public static byte[] Many(int rows) => Write(Create() with
    {
        Values = Enumerable.Range(0, rows).Select(i => new ValueSheetRow($"K{i}", Period.OfYear(2024), i, null, "Uten mål", "Kilde", null, null, null)),
        ValueCount = rows,
    });
}
