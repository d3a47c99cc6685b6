using System.Net.Http.Json;
using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Linking;

/// <summary>The synthetic register for benchmarks: marked as such, exact in size, skewed, readable by the real queries.</summary>
public sealed class SynthTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_synthetic_register_has_the_asked_numbers_is_marked_synthetic_and_leaves_the_real_cases_alone()
    {
        TestDatabase.RequireSqlite("nuit synth skriver SQLite-filer for målingene.");
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var realCases = await app.WithDbAsync(db => db.Cases.CountAsync());

        var report = await app.SendAsync(new SynthesizeRegister(Cases: 12_000, Links: 60_001, Seed: 7));

        Assert.Equal((12_000, 60_001, 120, 2024, 2025), (report.Cases, report.Links, report.Meetings, report.FirstYear, report.LastYear));
        var synthetic = await app.WithDbAsync(db => db.Cases.Where(c => c.Meeting!.Number.StartsWith("SYNT-"))
            .Select(c => new { c.Title, c.Body!.Code, c.Sequence, c.MeetingDate, MeetingDate2 = c.Meeting!.Date, Links = c.Links.Count }).ToListAsync());
        Assert.Equal(12_000, synthetic.Count);
        Assert.All(synthetic, c =>
        {
            Assert.StartsWith("SYNTETISK ", c.Title, StringComparison.Ordinal);
            Assert.Equal(BodyCode.Nufa, c.Code);
            Assert.InRange(c.Sequence, 1000, 9999);
            Assert.Equal(c.MeetingDate2, c.MeetingDate);
            Assert.InRange(c.Links, 5, 6);
        });
        Assert.Equal(realCases + 12_000, await app.WithDbAsync(db => db.Cases.CountAsync()));
        Assert.Equal(60_001, await app.WithDbAsync(db => db.CaseLinks.CountAsync(l => l.Case!.Title.StartsWith("SYNTETISK"))));

        // Skewed: SFM first and in nearly every case, the rarest item in few.
        Assert.Equal("SFM", report.PerItem[0].Item);
        Assert.True(report.PerItem[0].Links > 11_000, $"SFM: {report.PerItem[0].Links}");
        Assert.True(report.PerItem[^1].Links < 2_000, $"{report.PerItem[^1].Item}: {report.PerItem[^1].Links}");
    }

    [Fact]
    public async Task The_real_queries_read_synthetic_links_newest_first()
    {
        TestDatabase.RequireSqlite("nuit synth skriver SQLite-filer for målingene.");
        await using var app = new PortfolioApp(_folder.DatabasePath);
        await app.SendAsync(new SynthesizeRegister(Cases: 3_000, Links: 30_000));

        var top = await app.SendAsync(new CasesTouching("SFM", Limit: 50));

        Assert.Equal(50, top.Count);
        Assert.All(top, t => Assert.StartsWith("NUFA ", t.Case, StringComparison.Ordinal));
        Assert.Equal(top.OrderByDescending(t => t.MeetingDate).Select(t => t.MeetingDate), top.Select(t => t.MeetingDate));
        var links = await app.SendAsync(new GetCaseLinks(top[0].Case));
        Assert.Contains(links, l => l.Item == "SFM" && l.Evidence.Count == 0);
        Assert.All(links.Where(l => l.State != LinkState.Suggested), l => Assert.Equal("syntetisk", l.DecidedBy));
    }

    [Fact]
    public async Task The_api_returns_at_most_the_limit_asked_for_and_the_default_otherwise()
    {
        TestDatabase.RequireSqlite("nuit synth skriver SQLite-filer for målingene.");
        await using var app = new PortfolioApp(_folder.DatabasePath);
        await app.SendAsync(new SynthesizeRegister(Cases: 1_000, Links: 10_000));
        using var http = app.CreateClient();

        var fifty = await http.GetFromJsonAsync<List<TouchingCase>>("/api/initiatives/SFM/cases?limit=50", TestContext.Current.CancellationToken);
        var all = await http.GetFromJsonAsync<List<TouchingCase>>("/api/initiatives/SFM/cases", TestContext.Current.CancellationToken);

        Assert.Equal(50, fifty!.Count);
        Assert.Equal(CasesTouching.DefaultLimit, all!.Count);
        Assert.Equal(all.Take(50).Select(c => c.Case), fifty.Select(c => c.Case));
    }

    [Fact]
    public async Task Running_it_again_replaces_the_synthetic_register_and_the_same_seed_gives_the_same_rows()
    {
        TestDatabase.RequireSqlite("nuit synth skriver SQLite-filer for målingene.");
        await using var app = new PortfolioApp(_folder.DatabasePath);
        Task<List<string>> Rows() => app.WithDbAsync(db => db.CaseLinks.Where(l => l.Case!.Title.StartsWith("SYNTETISK"))
            .OrderBy(l => l.Case!.Number).ThenBy(l => l.Item!.Code)
            .Select(l => l.Case!.Number + " " + l.Item!.Code + " " + l.State + " " + l.Score + " " + l.Version).ToListAsync());

        await app.SendAsync(new SynthesizeRegister(Cases: 500, Links: 2_000, Seed: 3));
        var first = await Rows();
        var second = await app.SendAsync(new SynthesizeRegister(Cases: 500, Links: 2_000, Seed: 3));

        Assert.Equal(500, second.RemovedCases);
        Assert.Equal(first, await Rows());
        await app.SendAsync(new SynthesizeRegister(Cases: 500, Links: 2_000, Seed: 4));
        Assert.NotEqual(first, await Rows());
    }

    [Fact]
    public async Task More_links_than_cases_times_items_is_bad_input_and_writes_nothing()
    {
        TestDatabase.RequireSqlite("nuit synth skriver SQLite-filer for målingene.");
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var before = await app.WithDbAsync(db => db.CaseLinks.CountAsync());

        var error = await Assert.ThrowsAsync<InputException>(() => app.SendAsync(new SynthesizeRegister(Cases: 10, Links: 10_000)));
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new SynthesizeRegister(Cases: 0, Links: 0)));

        Assert.Contains("10 000", error.Message.Replace('\u00A0', ' ').Replace(',', ' '), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.CaseLinks.CountAsync()));
    }

    [Fact]
    public async Task The_cli_writes_a_synthetic_register_in_its_own_file_and_reports_it_as_json()
    {
        // Without --db: the register goes to data/synth.db, never into the service's data/portfolio.db.
        var result = await AppProcess.RunCliAsync(_folder.Path,
            "synth", "--cases", "300", "--links", "900", "--seed", "1", "--format", "json", "--seed-data", RepoRoot.SeedData);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var report = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("report");
        Assert.Equal((300, 900), (report.GetProperty("cases").GetInt32(), report.GetProperty("links").GetInt32()));
        Assert.True(File.Exists(Path.Combine(_folder.Path, "data", "synth.db")));
        Assert.False(File.Exists(Path.Combine(_folder.Path, "data", "portfolio.db")));
    }
}
