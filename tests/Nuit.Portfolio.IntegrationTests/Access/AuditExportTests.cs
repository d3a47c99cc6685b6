using System.Text;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using Nuit.Portfolio.Files;
using Nuit.Portfolio.Files.Workbooks;

namespace Nuit.Portfolio.IntegrationTests.Access;

/// <summary>The audit trail as an Excel workbook: from the API, the /audit page and the CLI, with or without names.</summary>
public sealed class AuditExportTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>kari has an account; per.hansen imports and attends; the second import's author is <paramref name="lastAuthor"/> (by default a name that looks like a formula).</summary>
    internal static async Task<PortfolioApp> AppWithChangesAsync(string databasePath, string lastAuthor = "=HYPERLINK(\"x\")")
    {
        var app = new PortfolioApp(databasePath, seed: false);
        await app.SendAsync(new AddUser("kari", AccessRole.Editor, "kari-sitt-passord"));
        await app.SendAsync(new ImportDocument("referat-2-2025.txt", Encoding.UTF8.GetBytes(AuditTests.Minutes("Per Hansen"))), actingAs: "per.hansen");
        await app.SendAsync(new ImportDocument("referat-3-2025.txt", Encoding.UTF8.GetBytes(AuditTests.Minutes("Per Hansen")
            .Replace("2/2025", "3/2025", StringComparison.Ordinal).Replace("22. mai", "23. mai", StringComparison.Ordinal))), actingAs: lastAuthor);
        return app;
    }

    private static IEnumerable<string> AllText(XlsxBook workbook) =>
        workbook.Sheets.SelectMany(ws => ws.CellsUsed()).Select(c => c.GetString());

    [Fact]
    public async Task The_xlsx_export_has_one_row_per_change_with_real_utc_times_and_text_that_is_never_a_formula()
    {
        await using var app = await AppWithChangesAsync(_folder.DatabasePath);
        var reader = app.CreateClient(AccessRole.Reader); // its token is a change too
        var trail = await app.SendAsync(new GetAuditTrail(Limit: 1000));

        var response = await reader.GetAsync(new Uri("/api/audit/export.xlsx", UriKind.Relative), Ct);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal(IndicatorWorkbookLayout.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^endringslogg-\d{4}-\d{2}-\d{2}\.xlsx$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var workbook = XlsxBook.Open(await response.Content.ReadAsStreamAsync(Ct));
        var ws = workbook.Worksheet(AuditTrailFile.Sheet);
        Assert.Equal(["tidspunkt (UTC)", "element", "gjelder", "felt", "gammel verdi", "ny verdi", "endret av", "via"],
            ws.Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal(1, ws.FrozenRows);
        Assert.Equal(trail.Count + 1, ws.LastRowUsed()!.RowNumber());

        // Newest first, as on the page: row 2 is the newest change.
        var newest = trail[0];
        Assert.Equal(XlsxKind.Date, ws.Cell(2, 1).Kind);
        Assert.Equal(newest.At.UtcDateTime, ws.Cell(2, 1).GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal((newest.Subject, newest.Field, newest.By), (ws.Cell(2, 3).GetString(), ws.Cell(2, 4).GetString(), ws.Cell(2, 7).GetString()));

        var formulaLike = ws.Column(7).Single(c => c.GetString().StartsWith('='));
        Assert.False(formulaLike.HasFormula);
        Assert.Equal("=HYPERLINK(\"x\")", formulaLike.GetString());
        Assert.Contains("per.hansen", AllText(workbook));
        Assert.Contains("bruker kari", AllText(workbook));
    }

    [Fact]
    public async Task The_xlsx_export_without_names_from_the_audit_page_leaves_no_user_names()
    {
        await using var app = await AppWithChangesAsync(_folder.DatabasePath);
        var page = await app.CreateClient(AccessRole.Reader).GetStringAsync(new Uri("/audit", UriKind.Relative), Ct);
        Assert.Contains("/audit?handler=Export&amp;withoutNames=true&amp;format=Xlsx", page, StringComparison.Ordinal);

        var response = await app.CreateClient(AccessRole.Reader).GetAsync(new Uri("/audit?handler=Export&withoutNames=true&format=Xlsx", UriKind.Relative), Ct);

        Assert.EndsWith("-uten-navn.xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        using var workbook = XlsxBook.Open(await response.Content.ReadAsStreamAsync(Ct));
        var text = AllText(workbook).ToList();
        foreach (var name in new[] { "per.hansen", "kari", "Per Hansen", "token:test", "HYPERLINK" })
            Assert.DoesNotContain(text, t => t.Contains(name, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("bruker anonymisert", text);
        Assert.Contains("anonymisert", workbook.Worksheet(AuditTrailFile.Sheet).Column(7).Select(c => c.GetString()));
    }

    [Fact]
    public async Task The_cli_writes_an_xlsx_when_the_export_file_ends_in_xlsx()
    {
        NothingLostTests.SqliteFilesOnly();
        await (await AppWithChangesAsync(_folder.DatabasePath)).DisposeAsync();
        var file = _folder.File("logg.xlsx");

        var cli = await AppProcess.RunCliAsync(_folder.Path, "audit", "--export", file, "--without-names", "--db", _folder.DatabasePath);

        Assert.Equal(0, cli.ExitCode);
        using var workbook = XlsxBook.Open(await File.ReadAllBytesAsync(file, Ct));
        Assert.Contains("bruker anonymisert", AllText(workbook));
        Assert.DoesNotContain(AllText(workbook), t => t.Contains("per.hansen", StringComparison.Ordinal));
    }
}
