using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Access;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using Nuit.Portfolio.IntegrationTests.Roadmap;

namespace Nuit.Portfolio.IntegrationTests.Roadmap;

/// <summary>The roadmap workbook on /roadmap/workbook: download, then upload → preview (dry run) → confirm, as the import page does for meetings.</summary>
public sealed partial class RoadmapWorkbookPageTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_edited_workbook_uploaded_on_the_page_is_previewed_with_its_changes_then_saved_on_confirmation()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);
        var roadmap = await client.GetStringAsync(new Uri("/roadmap", UriKind.Relative), Ct);
        Assert.Contains("<a href=\"/roadmap/workbook\">", roadmap, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/roadmap/plans\">Planår og endringer</a>", roadmap, StringComparison.Ordinal);

        var page = await client.GetStringAsync(new Uri("/roadmap/workbook", UriKind.Relative), Ct);
        var download = DownloadLink().Match(page).Groups[1].Value;
        var exported = await client.GetByteArrayAsync(new Uri(download, UriKind.Relative), Ct);
        var edited = Workbooks.Edit(exported, wb =>
            wb.Worksheet("Tiltak").RowsUsed().Single(r => r.Cell(1).GetString() == "SFM").Cell(4).Value = "Innføring");

        var preview = await Upload(client, edited, "fra-eiere.xlsx");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Forhåndsvisning av fra-eiere.xlsx", html, StringComparison.Ordinal);
        Assert.Matches(@"<td><span class=""code"">SFM</span></td><td>fase</td><td>[^<]+</td><td>Innføring</td>", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.ItemCode != null, Ct)));

        var token = Regex.Match(html, "name=\"token\" value=\"([0-9a-f]{64})\"").Groups[1].Value;
        var confirmed = await Forms.PostAsync(client, "/roadmap/workbook", "/roadmap/workbook?handler=Confirm", ("token", token), ("fileName", "fra-eiere.xlsx"));
        Assert.Contains("Veikartet er oppdatert", await confirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(InitiativePhase.Innforing, await app.WithDbAsync(db => db.Initiatives.Where(i => i.Code == "SFM").Select(i => i.Phase).SingleAsync(Ct)));
        Assert.Equal(["web (fra-eiere.xlsx)"], await app.WithDbAsync(db => db.ChangeRecords.Where(c => c.ItemCode != null).Select(c => c.Via).Distinct().ToListAsync(Ct)));
    }

    [Fact]
    public async Task A_bad_cell_is_named_next_to_the_file_field_and_nothing_can_be_confirmed()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);
        var exported = await client.GetByteArrayAsync(new Uri("/api/exports/roadmap.xlsx", UriKind.Relative), Ct);
        var row = 0;
        var edited = Workbooks.Edit(exported, wb =>
        {
            var sfm = wb.Worksheet("Tiltak").RowsUsed().Single(r => r.Cell(1).GetString() == "SFM");
            row = sfm.RowNumber();
            sfm.Cell(4).Value = "Pilotering";
        });

        var html = WebUtility.HtmlDecode(await (await Upload(client, edited, "feil.xlsx")).Content.ReadAsStringAsync(Ct));

        Assert.Matches($@"<span id=""workbook-feil"" class=""field-error""><span[^>]*>feil\.xlsx, Tiltak!D{row}: Ukjent fase «Pilotering»", html);
        Assert.DoesNotContain("Bekreft import", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.ItemCode != null, Ct)));
    }

    [Fact]
    public async Task A_reader_can_download_the_workbook_but_not_upload_one()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var reader = app.CreateClient(AccessRole.Reader);
        var page = await reader.GetStringAsync(new Uri("/roadmap/workbook", UriKind.Relative), Ct);
        Assert.Contains("href=\"/api/exports/roadmap.xlsx\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"file\"", page, StringComparison.Ordinal);

        var exported = await reader.GetByteArrayAsync(new Uri("/api/exports/roadmap.xlsx", UriKind.Relative), Ct);
        // The reader's own token (from the sign-out form), so only the role is wrong.
        var refused = await Upload(reader, exported, "veikart.xlsx");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }


    private static Task<HttpResponseMessage> Upload(HttpClient client, byte[] workbook, string fileName) =>
        Workbooks.PostAsync(client, "/roadmap/workbook?handler=Preview", "workbook", workbook, fileName, antiforgeryPage: "/roadmap/workbook");

    [GeneratedRegex("<a href=\"([^\"]+\\.xlsx)\" download>Last ned veikartet \\(Excel\\)</a>")]
    private static partial Regex DownloadLink();
}
