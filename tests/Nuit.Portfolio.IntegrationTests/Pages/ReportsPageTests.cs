using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Reports;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using static Nuit.Portfolio.IntegrationTests.Infrastructure.Forms;

namespace Nuit.Portfolio.IntegrationTests.Pages;

/// <summary>The reports page offers the quarter that has data and puts «Åpne rapporten» before the files (issue 19).</summary>
public sealed class ReportsPageTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_default_quarter_is_the_last_one_with_data_and_a_report_opens_before_its_files()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);

        // The seeded documents end with the meeting of 13 February 2025; the clock is later than that.
        var page = await Page(client, "/reports");
        Assert.Contains("name=\"Quarter\" value=\"2025-Q1\"", page, StringComparison.Ordinal);
        Assert.Contains("det siste kvartalet med møter eller status", page, StringComparison.Ordinal);
        Assert.Matches(new Regex("<label class=\"inline checkbox\"><input type=\"checkbox\" name=\"Publish\" value=\"true\" /> <span>Publiser"), page);

        // A status reported for a later quarter moves the default there.
        await app.SendAsync(new SetStatus("SFM", "2025-Q3", "amber", "Forsinket"), actingAs: "kari");
        Assert.Contains("name=\"Quarter\" value=\"2025-Q3\"", await Page(client, "/reports"), StringComparison.Ordinal);

        var made = await app.SendAsync(new CreateReport("2025-Q1"));
        var list = await Page(client, "/reports");
        var row = list[list.IndexOf($"id=\"rapport-{made.Report.Id}\"", StringComparison.Ordinal)..];
        var open = row.IndexOf(">Åpne rapporten<", StringComparison.Ordinal);
        var files = row.IndexOf("Filer:", StringComparison.Ordinal);
        Assert.True(open > 0 && files > open, "«Åpne rapporten» skal stå før filene");
        Assert.Matches(new Regex($"<a href=\"/api/reports/{made.Report.Id}/files/report-2025-Q1.html\">Åpne rapporten<span class=\"visually-hidden\"> for 1. kvartal 2025"), row);
    }
}
