using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Strategy;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Strategy;

public sealed class SeedingTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Task<int[]> CountsAsync(PortfolioApp app) => app.WithDbAsync(async db => new[]
    {
        await db.RoadmapItems.CountAsync(), await db.Milestones.CountAsync(), await db.IndicatorValues.CountAsync(),
        await db.Bodies.CountAsync(), await db.Organisations.CountAsync(), await db.Strategies.CountAsync(),
    });

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath) { FreshStart = true };
        _ = app.Services; // starts the host: first start seeds
        var before = await CountsAsync(app);
        Assert.Equal(5 + 3 + 13 + 4, before[0]); // goals, sub-goals, initiatives, indicators

        var report = await app.SendAsync(new SeedDatabase(RepoRoot.SeedData));

        Assert.Equal(0, report.Added);
        Assert.True(report.AlreadyApplied > 0);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Seeding_again_never_overwrites_or_revives_what_users_changed()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath) { FreshStart = true };
        _ = app.Services;
        await app.WithDbAsync(async db =>
        {
            var sfm = await db.Initiatives.SingleAsync(i => i.Code == "SFM");
            sfm.Name = "Sentral forskrivningsmodul (endret av bruker)";
            db.IndicatorValues.Remove(await db.IndicatorValues.SingleAsync(v => v.Indicator!.Code == "DIGITAL-KONTAKT" && v.Period == "2019"));
            db.RoadmapItems.Remove(await db.Indicators.SingleAsync(i => i.Code == "HELSENORGE-FULLMAKT"));
            return await db.SaveChangesAsync();
        });

        await app.SendAsync(new SeedDatabase(RepoRoot.SeedData));

        var (name, has2019, hasFullmakt) = await app.WithDbAsync(async db => (
            await db.Initiatives.Where(i => i.Code == "SFM").Select(i => i.Name).SingleAsync(),
            await db.IndicatorValues.AnyAsync(v => v.Indicator!.Code == "DIGITAL-KONTAKT" && v.Period == "2019"),
            await db.Indicators.AnyAsync(i => i.Code == "HELSENORGE-FULLMAKT")));
        Assert.Equal("Sentral forskrivningsmodul (endret av bruker)", name);
        Assert.False(has2019);
        Assert.False(hasFullmakt);
    }

    [Fact]
    public async Task A_new_entry_in_the_seed_file_is_added_on_the_next_run()
    {
        var seed = CopySeed();
        await using var app = new PortfolioApp(_folder.DatabasePath, seed);
        _ = app.Services;
        await AddInitiativeNyttAsync(seed);

        var report = await app.SendAsync(new SeedDatabase(seed));

        Assert.Equal(1, report.Added);
        Assert.Equal("Nytt tiltak", (await app.SendAsync(new GetInitiative("NYTT"))).Name);
    }

    [Fact]
    public async Task A_start_on_a_current_database_skips_the_seed_step_until_the_seed_folder_changes()
    {
        var seed = CopySeed();
        static Task<List<AppliedSeed>> StampsAsync(PortfolioApp app) =>
            app.WithDbAsync(db => db.AppliedSeeds.AsNoTracking().Where(a => EF.Functions.Like(a.Key, "stamp:%")).ToListAsync());
        AppliedSeed first;
        await using (var app = new PortfolioApp(_folder.DatabasePath, seed))
        {
            _ = app.Services;
            first = Assert.Single(await StampsAsync(app));
        }

        // Nothing changed: the seed step is skipped, so the stamp is not written again.
        await using (var app = new PortfolioApp(_folder.DatabasePath, seed))
        {
            _ = app.Services;
            var again = Assert.Single(await StampsAsync(app));
            Assert.Equal((first.Key, first.AppliedAt), (again.Key, again.AppliedAt));
        }

        // A new entry in the folder changes the stamp: the next start applies it.
        await AddInitiativeNyttAsync(seed);
        await using (var app = new PortfolioApp(_folder.DatabasePath, seed))
        {
            _ = app.Services;
            Assert.Equal("Nytt tiltak", (await app.SendAsync(new GetInitiative("NYTT"))).Name);
            Assert.NotEqual(first.Key, Assert.Single(await StampsAsync(app)).Key);
        }
    }

    [Fact]
    public async Task A_seed_that_fails_part_way_leaves_nothing_half_loaded()
    {
        var seed = CopySeed();
        var path = Path.Combine(seed, "strategy.json");
        var json = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        // The document list is checked after the strategy rows are written: the failure comes late.
        await File.WriteAllTextAsync(path, json.Replace("meetings/nuit-2025-02-13-referat.txt", "meetings/mangler.txt", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        await using var app = new PortfolioApp(_folder.DatabasePath, seed, seed: false);
        _ = app.Services;

        var ex = await Assert.ThrowsAsync<InputException>(async () => await app.SendAsync(new SeedDatabase(seed)));

        Assert.Contains("mangler.txt", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { 0, 0, 0, 0, 0, 0 }, await CountsAsync(app));
        Assert.Equal(0, await app.WithDbAsync(db => db.AppliedSeeds.CountAsync()));
    }

    /// <summary>A new initiative NYTT in the seed folder's strategy file, as a maintainer would add one.</summary>
    private static async Task AddInitiativeNyttAsync(string seed)
    {
        var path = Path.Combine(seed, "strategy.json");
        var json = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(path, json.Replace(
            "\"initiatives\": [",
            "\"initiatives\": [\n    { \"code\": \"NYTT\", \"name\": \"Nytt tiltak\", \"owner\": \"NHN\" },",
            StringComparison.Ordinal), TestContext.Current.CancellationToken);
    }

    private string CopySeed()
    {
        var target = Path.Combine(_folder.Path, "seed-data");
        foreach (var file in Directory.EnumerateFiles(RepoRoot.SeedData, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(RepoRoot.SeedData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }
}
