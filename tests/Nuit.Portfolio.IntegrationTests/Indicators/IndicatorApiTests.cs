using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Indicators;

public sealed class IndicatorApiTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Setting_a_target_gives_the_period_a_status_and_records_the_change()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();

        var put = await client.PutAsJsonAsync("/api/indicators/hp-fornoyd/targets/2023", new { value = 60 }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var result = await put.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("amber", result.GetProperty("status").GetString());   // 53 against 60: within 15 %

        var detail = await client.GetFromJsonAsync<JsonElement>("/api/indicators/HP-FORNOYD", Ct);
        var period = Assert.Single(detail.GetProperty("periods").EnumerateArray());
        Assert.Equal(("2023", 53m, 60m, "Gul"), (period.GetProperty("period").GetString(), period.GetProperty("value").GetDecimal(),
            period.GetProperty("target").GetDecimal(), period.GetProperty("statusText").GetString()));
        var list = await client.GetFromJsonAsync<JsonElement>("/api/indicators", Ct);
        Assert.Equal("amber", list.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "HP-FORNOYD").GetProperty("status").GetString());

        var value = await client.PutAsJsonAsync("/api/indicators/HP-FORNOYD/values/2023", new { value = 45, source = "Rettet tall (illustrativt)" }, Ct);
        Assert.Equal("red", (await value.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());

        var history = await app.WithDbAsync(db => db.ChangeRecords.Where(c => c.ItemCode == "HP-FORNOYD").OrderBy(c => c.Id).ToListAsync(Ct));
        Assert.Equal(["målverdi 2023", "verdi 2023", "kilde 2023"], history.Select(h => h.Field));
        Assert.Equal((null, "60"), (history[0].OldValue, history[0].NewValue));
        Assert.Equal(("53", "45"), (history[1].OldValue, history[1].NewValue));
        Assert.All(history, h => Assert.Equal("token:test-Admin", h.ChangedBy));
        Assert.All(history, h => Assert.True(h.ChangedAt > DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    [Fact]
    public async Task A_target_names_the_case_that_set_it()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        // NUIT 31/24 (Plan for realisering 2025) comes with the seeded meeting documents.
        var ok = await client.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/targets/2025", new { value = 65, @case = "NUIT 31/24" }, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var detail = await client.GetFromJsonAsync<JsonElement>("/api/indicators/DIGITAL-KONTAKT", Ct);
        var target = Assert.Single(detail.GetProperty("targets").EnumerateArray());
        Assert.Equal("NUIT 31/24", target.GetProperty("setBy").GetString());
        Assert.Equal("grey", detail.GetProperty("periods").EnumerateArray().Last().GetProperty("status").GetString());

        var unknown = await client.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/targets/2026", new { value = 70, @case = "NUIT 99/24" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var quarter = await client.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/targets/2026-Q1", new { value = 70 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, quarter.StatusCode);
        Assert.Contains("måles per år", await quarter.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_is_an_xlsx_named_for_the_quarter_with_the_seeded_values()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var response = await app.CreateClient().GetAsync(new Uri("/api/exports/indicators.xlsx?goal=M1&from=2019", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var quarter = Quarter.FromDate(DateOnly.FromDateTime(DateTime.Now));
        Assert.Equal($"indikatorer-{quarter}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);

        using var wb = XlsxBook.Open(await response.Content.ReadAsStreamAsync(Ct));
        var indicators = wb.Worksheet("Indikatorer");
        Assert.Equal(["DIGITAL-KONTAKT", "HELSENORGE-BESOK", "HELSENORGE-FULLMAKT"], Enumerable.Range(2, 3).Select(r => indicators.Cell(r, 3).GetString()));
        Assert.Equal("Grå (ikke rapportert)", indicators.Cell(4, 10).GetString());
        var values = wb.Worksheet("Verdier");
        var helsenorge2021 = values.RowsUsed().Single(r => r.Cell(1).GetString() == "HELSENORGE-BESOK" && r.Cell(2).GetString() == "2021");
        Assert.Equal(140.9, helsenorge2021.Cell(3).GetDouble());
        Assert.Equal(XlsxKind.Number, helsenorge2021.Cell(3).Kind);
        Assert.DoesNotContain(values.RowsUsed(), r => r.Cell(2).GetString() == "2018");   // --from 2019
        Assert.DoesNotContain(values.RowsUsed(), r => r.Cell(1).GetString() == "HP-FORNOYD"); // goal M2
        Assert.Contains("mål M1; fra 2019", wb.Worksheet("Om").Cell("B5").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_with_a_bad_filter_is_400_and_an_unknown_goal_404()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri("/api/exports/indicators.xlsx?from=2025&to=2019", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri("/api/exports/indicators.xlsx?to=2025-Q5", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/exports/indicators.xlsx?goal=M9", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Round_trip_export_edit_dry_run_import()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var exported = await client.GetByteArrayAsync(new Uri("/api/exports/indicators.xlsx", UriKind.Relative), Ct);

        var edited = Workbooks.Edit(exported, "Verdier", ws =>
        {
            var row = ws.RowsUsed().Single(r => r.Cell(1).GetString() == "DIGITAL-KONTAKT" && r.Cell(2).GetString() == "2023");
            row.Cell(3).Value = 58;
            row.Cell(4).Value = 60;
            var next = ws.LastRowUsed()!.RowNumber() + 1;
            ws.Cell(next, 1).Value = "HP-FORNOYD";
            ws.Cell(next, 2).Value = 2024;
            ws.Cell(next, 3).Value = 55;
            ws.Cell(next, 6).Value = "=kilde fra et dokument";
        });

        var dry = await Upload(client, edited, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var preview = await dry.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(preview.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, preview.GetProperty("rowsChanged").GetInt32());
        Assert.Contains(preview.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "verdi"
            && c.GetProperty("old").GetString() == "57" && c.GetProperty("new").GetString() == "58");
        Assert.Equal(0, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.ItemCode != null, Ct)));
        Assert.Equal(57m, await app.WithDbAsync(db => db.IndicatorValues.Where(v => v.Indicator!.Code == "DIGITAL-KONTAKT" && v.Period == "2023").Select(v => v.Value).SingleAsync(Ct)));

        var real = await Upload(client, edited, dryRun: false);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        var detail = await client.GetFromJsonAsync<JsonElement>("/api/indicators/DIGITAL-KONTAKT", Ct);
        var p2023 = detail.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("period").GetString() == "2023");
        Assert.Equal((58m, 60m, "amber"), (p2023.GetProperty("value").GetDecimal(), p2023.GetProperty("target").GetDecimal(), p2023.GetProperty("status").GetString()));
        var added = await app.WithDbAsync(db => db.IndicatorValues.SingleAsync(v => v.Indicator!.Code == "HP-FORNOYD" && v.Period == "2024", Ct));
        Assert.Equal("=kilde fra et dokument", added.Source);
        var history = await app.WithDbAsync(db => db.ChangeRecords.ToListAsync(Ct));
        Assert.Contains(history, h => h.ItemCode == "DIGITAL-KONTAKT" && h.Field == "verdi 2023" && h.OldValue == "57" && h.NewValue == "58" && h.Via == "api (indikatorer.xlsx)");

        // Importing the same workbook again changes nothing.
        var again = await (await Upload(client, edited, dryRun: false)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(0, again.GetProperty("rowsChanged").GetInt32());

        // The re-exported workbook keeps the formula-like source as text.
        using var wb = XlsxBook.Open(await client.GetByteArrayAsync(new Uri("/api/exports/indicators.xlsx", UriKind.Relative), Ct));
        var cell = wb.Worksheet("Verdier").RowsUsed().Single(r => r.Cell(1).GetString() == "HP-FORNOYD" && r.Cell(2).GetString() == "2024").Cell(6);
        Assert.False(cell.HasFormula);
        Assert.Equal("=kilde fra et dokument", cell.GetString());
    }

    [Fact]
    public async Task One_bad_cell_fails_the_whole_import_and_names_the_cell()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var exported = await client.GetByteArrayAsync(new Uri("/api/exports/indicators.xlsx", UriKind.Relative), Ct);
        var edited = Workbooks.Edit(exported, "Verdier", ws =>
        {
            ws.Cell("C2").Value = 1;                                            // a good change first
            ws.Cell("C4").Value = "12,5 %";     // then a bad cell
        });

        var response = await Upload(client, edited, dryRun: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("indikatorer.xlsx, Verdier!C4: «12,5 %» er ikke et tall.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.ItemCode != null, Ct)));

        var unknown = Workbooks.Edit(exported, "Verdier", ws => ws.Cell("A3").Value = "FINNES-IKKE");
        var body = await (await Upload(client, unknown, dryRun: false)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Verdier!A3: ukjent indikator «FINNES-IKKE»", body, StringComparison.Ordinal);

        var macro = await Upload(client, exported, dryRun: false, name: "indikatorer.xlsm");
        Assert.Equal(HttpStatusCode.BadRequest, macro.StatusCode);
        var none = await client.PostAsync(new Uri("/api/indicators/values", UriKind.Relative), new MultipartFormDataContent(), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, byte[] bytes, bool dryRun, string name = "indikatorer.xlsx") =>
        Workbooks.PostAsync(client, $"/api/indicators/values?dryRun={(dryRun ? "true" : "false")}", "file", bytes, name);
}
