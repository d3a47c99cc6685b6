using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Access;

/// <summary>
/// The same edit made through each channel leaves the same audit rows: who comes from the channel's own sign-in and the
/// channel is named with one word (ADR 13), never from anything the request carries.
/// </summary>
public sealed class OneWriteSideTests : IDisposable
{
    private readonly TestFolder _browser = new();
    private readonly TestFolder _api = new();
    private readonly TestFolder _cli = new();

    public void Dispose()
    {
        _browser.Dispose();
        _api.Dispose();
        _cli.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Row(string? Item, string? Subject, string Field, string? Old, string? New);

    [Fact]
    public async Task The_same_value_set_from_the_browser_the_API_and_the_CLI_leaves_identical_audit_rows_apart_from_the_channel()
    {
        // In the browser: the indicator page's form, as an editor.
        await using (var app = new PortfolioApp(_browser.DatabasePath))
        {
            var page = await Forms.PostAsync(app.CreateClient(AccessRole.Editor), "/indicators/HP-FORNOYD", "/indicators/HP-FORNOYD?handler=Value",
                ("ValueInput.Period", "2024"), ("ValueInput.Value", "61,5"), ("ValueInput.Source", "Helsepersonellundersøkelsen 2024"),
                ("ValueInput.Note", "Foreløpig tall"), ("ValueInput.Version", Guid.Empty.ToString()));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // Through the API, with the editor's token.
        await using (var app = new PortfolioApp(_api.DatabasePath))
        {
            var api = await app.CreateClient(AccessRole.Editor).PutAsJsonAsync("/api/indicators/HP-FORNOYD/values/2024",
                new { value = 61.5m, source = "Helsepersonellundersøkelsen 2024", note = "Foreløpig tall", expectedVersion = Guid.Empty }, Ct);
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        }

        // From the command line, as the operating-system user.
        var cli = await AppProcess.RunCliAsync(_cli.Path, ["values", "set", "HP-FORNOYD", "--period", "2024", "--value", "61,5",
            "--source", "Helsepersonellundersøkelsen 2024", "--note", "Foreløpig tall", "--expected-version", Guid.Empty.ToString(),
            .. TestDatabase.CliArgs(_cli.DatabasePath), "--seed-data", RepoRoot.SeedData]);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.Equal("", cli.Stderr);

        var browser = await AuditAsync(_browser);
        var viaApi = await AuditAsync(_api);
        var viaCli = await AuditAsync(_cli);

        Assert.Equal(["verdi 2024", "kilde 2024", "merknad 2024"], browser.Rows.Select(r => r.Field));
        Assert.Equal(browser.Rows, viaApi.Rows);
        Assert.Equal(browser.Rows, viaCli.Rows);
        Assert.Equal([("token:test-Editor", "web")], browser.Who);
        Assert.Equal([("token:test-Editor", "api")], viaApi.Who);
        Assert.Equal([(Environment.UserName, "cli")], viaCli.Who);
    }

    private static async Task<(List<Row> Rows, List<(string, string?)> Who)> AuditAsync(TestFolder folder)
    {
        await using var app = new PortfolioApp(folder.DatabasePath);
        var records = await app.WithDbAsync(db => db.ChangeRecords.Where(c => c.ItemCode == "HP-FORNOYD").OrderBy(c => c.Id).ToListAsync(Ct));
        return ([.. records.Select(r => new Row(r.ItemCode, r.Subject, r.Field, r.OldValue, r.NewValue))],
            [.. records.Select(r => (r.ChangedBy, r.Via)).Distinct()]);
    }
}
