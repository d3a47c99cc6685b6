using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Roadmap;

public sealed class RoadmapWorkbookTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_exported_roadmap_holds_every_sheet_and_reads_back_unchanged()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var exported = await client.GetByteArrayAsync(new Uri("/api/exports/roadmap.xlsx", UriKind.Relative), Ct);

        using (var wb = XlsxBook.Open(exported))
        {
            Assert.Equal(["Mål", "Delmål", "Tiltak", "Milepæler", "Om"], wb.SheetNames);
            Assert.Equal(["M1", "M2", "M3", "M4", "M5"], Enumerable.Range(2, 5).Select(r => wb.Worksheet("Mål").Cell(r, 1).GetString()));
            var erow = wb.Worksheet("Tiltak").RowsUsed().Single(r => r.Cell(1).GetString() == "ERESEPT");
            Assert.Equal("e-resept; Reseptformidleren; RF; reseptformidler", erow.Cell(8).GetString());
            var hto = wb.Worksheet("Milepæler").RowsUsed().Single(r => r.Cell(2).GetString() == "HTO");
            Assert.Equal((XlsxKind.Date, new DateTime(2025, 10, 1)), (hto.Cell(4).Kind, hto.Cell(4).GetDateTime()));
        }

        var report = await Import(client, exported, "veikart.xlsx", dryRun: false);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var body = await report.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((0, 0), (body.GetProperty("added").GetInt32(), body.GetProperty("changed").GetInt32()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.ItemCode != null, Ct)));
    }

    [Fact]
    public async Task An_edited_copy_previews_in_a_dry_run_then_imports_with_history_named_for_the_file()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var exported = await client.GetByteArrayAsync(new Uri("/api/exports/roadmap.xlsx", UriKind.Relative), Ct);
        var edited = Workbooks.Edit(exported, wb =>
        {
            var sub = wb.Worksheet("Delmål");
            var next = sub.LastRowUsed()!.RowNumber() + 1;
            sub.Cell(next, 1).Value = "2A";
            sub.Cell(next, 2).Value = "M2";
            sub.Cell(next, 3).Value = "Helsepersonell har digitale verktøy som støtter arbeidet";

            var tiltak = wb.Worksheet("Tiltak");
            var sfm = tiltak.RowsUsed().Single(r => r.Cell(1).GetString() == "SFM");
            sfm.Cell(4).Value = "Innføring";
            sfm.Cell(7).Value = "2A";
            var row = tiltak.LastRowUsed()!.RowNumber() + 1;
            tiltak.Cell(row, 1).Value = "ARBEIDSFLATE";
            tiltak.Cell(row, 2).Value = "Felles arbeidsflate";
            tiltak.Cell(row, 3).Value = "Helsedirektoratet";
            tiltak.Cell(row, 7).Value = "2A";

            var ms = wb.Worksheet("Milepæler");
            var hto = ms.RowsUsed().Single(r => r.Cell(2).GetString() == "HTO");
            hto.Cell(5).Value = new DateTime(2025, 12, 1);
            var m = ms.LastRowUsed()!.RowNumber() + 1;
            ms.Cell(m, 2).Value = "ARBEIDSFLATE";
            ms.Cell(m, 3).Value = "Konsept godkjent";
            ms.Cell(m, 4).Value = "2026-06-30";
        });

        var dry = await Import(client, edited, "fra-eiere.xlsx", dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var preview = await dry.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((true, 3, 2), (preview.GetProperty("dryRun").GetBoolean(), preview.GetProperty("added").GetInt32(), preview.GetProperty("changed").GetInt32()));
        Assert.Contains(preview.GetProperty("changes").EnumerateArray(), c => c.GetProperty("item").GetString() == "SFM" && c.GetProperty("field").GetString() == "fase");
        Assert.False(await app.WithDbAsync(db => db.RoadmapItems.AnyAsync(i => i.Code == "2A" || i.Code == "ARBEIDSFLATE", Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.ItemCode != null, Ct)));

        var real = await Import(client, edited, "fra-eiere.xlsx", dryRun: false);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        var sfm = await app.WithDbAsync(db => db.Initiatives.Include(i => i.SubGoals).Include(i => i.Goal).SingleAsync(i => i.Code == "SFM", Ct));
        Assert.Equal((InitiativePhase.Innforing, "2A", "M2"), (sfm.Phase, Assert.Single(sfm.SubGoals).Code, sfm.Goal?.Code));
        var hto = await app.WithDbAsync(db => db.Milestones.SingleAsync(m => m.Initiative!.Code == "HTO", Ct));
        Assert.Equal(new DateOnly(2025, 12, 1), hto.ForecastDate);
        Assert.Equal(1, await app.WithDbAsync(db => db.Milestones.CountAsync(m => m.Initiative!.Code == "ARBEIDSFLATE", Ct)));
        var via = await app.WithDbAsync(db => db.ChangeRecords.Where(c => c.ItemCode != null).Select(c => c.Via).Distinct().ToListAsync(Ct));
        Assert.Equal(["api (fra-eiere.xlsx)"], via);
    }

    public static TheoryData<string, string, int, object, string, string> BadCells => new()
    {
        { "sub-goal code not goal number + letter", "Delmål", 1, "9A", "Delmål!A", "delmålkoden «9A»" },
        { "duplicate code of another kind", "Tiltak", 1, "M1", "Tiltak!A", "koden «M1» er allerede brukt av målet" },
        { "unknown phase", "Tiltak", 4, "Pilotering", "Tiltak!D", "Ukjent fase «Pilotering»" },
        { "alias of another item", "Tiltak", 8, "PLL", "Tiltak!H", "Aliaset «PLL» brukes av flere elementer" },
        { "actual long before planned", "Milepæler", 6, "2023-01-01", "Milepæler!F", "mer enn 12 måneder før planlagt dato" },
        { "not a date", "Milepæler", 4, "snart", "Milepæler!D", "«snart» er ikke en dato" },
        { "formula", "Tiltak", 3, "=1+1", "Tiltak!C", "formel" },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public async Task A_bad_cell_is_named_and_nothing_from_the_workbook_is_saved(string what, string sheet, int column, object value, string cell, string reason)
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var exported = await client.GetByteArrayAsync(new Uri("/api/exports/roadmap.xlsx", UriKind.Relative), Ct);
        var edited = Workbooks.Edit(exported, wb =>
        {
            // A good edit first: it must be rolled back with the bad one.
            wb.Worksheet("Mål").Cell(2, 3).Value = "Endret beskrivelse";
            var ws = wb.Worksheet(sheet);
            var row = sheet == "Milepæler" ? ws.RowsUsed().Single(r => r.Cell(2).GetString() == "HTO") : ws.Row(ws.LastRowUsed()!.RowNumber() + 1);
            if (sheet == "Delmål") { row.Cell(2).Value = "M1"; row.Cell(3).Value = "Nytt delmål"; }
            if (sheet == "Tiltak" && column != 1) { row.Cell(1).Value = "NYTT"; row.Cell(2).Value = "Nytt tiltak"; }
            if (sheet == "Tiltak" && column == 1) row.Cell(2).Value = "Nytt tiltak";
            if (value is string s && s.StartsWith('=')) row.Cell(column).FormulaA1 = s[1..];
            else row.Cell(column).Value = (string)value;
        });

        var response = await Import(client, edited, "feil.xlsx", dryRun: false);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode}");
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"feil.xlsx, {cell}", text, StringComparison.Ordinal);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.ItemCode != null, Ct)));
        Assert.Null(await app.WithDbAsync(db => db.Goals.Where(g => g.Code == "M1").Select(g => g.Description).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_macro_workbook_is_refused_by_the_shared_guard()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var exported = await app.CreateClient().GetByteArrayAsync(new Uri("/api/exports/roadmap.xlsx", UriKind.Relative), Ct);
        var response = await Import(app.CreateClient(), exported, "veikart.xlsm", dryRun: true);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("makroer", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_and_import_roadmap_from_the_command_line()
    {
        Task<CliResult> Nuit(params string[] args) => AppProcess.RunCliAsync(_folder.Path, [.. args, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData]);
        var file = _folder.File("veikart.xlsx");
        var export = await Nuit("export", "roadmap", "--out", file);
        Assert.True(export.ExitCode == 0, export.Stderr);
        await File.WriteAllBytesAsync(file, Workbooks.Edit(await File.ReadAllBytesAsync(file, Ct), wb =>
            wb.Worksheet("Tiltak").RowsUsed().Single(r => r.Cell(1).GetString() == "KIPLAN").Cell(3).Value = "Helsedirektoratet og RHF"), Ct);

        var dry = await Nuit("import-roadmap", file, "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.Stderr);
        Assert.Contains("1 endret. Ingenting er lagret.", dry.Stdout, StringComparison.Ordinal);
        var real = await Nuit("import-roadmap", file, "--format", "json");
        Assert.Equal("eier", JsonDocument.Parse(real.Stdout).RootElement.GetProperty("changes")[0].GetProperty("field").GetString());
        var missing = await Nuit("import-roadmap", _folder.File("finnes-ikke.xlsx"));
        Assert.Equal(2, missing.ExitCode);
    }

    private static Task<HttpResponseMessage> Import(HttpClient client, byte[] bytes, string name, bool dryRun) =>
        Workbooks.PostAsync(client, $"/api/imports/roadmap?dryRun={(dryRun ? "true" : "false")}", "file", bytes, name);
}
