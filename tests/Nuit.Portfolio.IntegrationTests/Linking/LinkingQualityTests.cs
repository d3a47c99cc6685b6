using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Linking;

/// <summary>
/// The matcher's suggestions on the seeded register (both real meeting documents, imported at first start)
/// measured against the labelled set. The thresholds are what the matcher reaches today: a change that makes
/// linking worse fails here. Set NUIT_LINK_QUALITY_REPORT=path to have the figures written as markdown
/// (docs/linking-quality.md is made from that).
/// </summary>
public sealed class LinkingQualityTests : IDisposable
{
    // Measured 2026-11 (docs/linking-quality.md): 61 of 61 suggestions right, 61 of 61 mentions found, the chief
    // topic first in 11 of 11 cases. The issue asks for at least 0.9; holding what is reached makes any new
    // wrong or missing link fail, with the list of differences in the message.
    private const double MinPrecision = 1.0;
    private const double MinRecall = 1.0;
    private const double MinChiefFirst = 1.0;

    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Suggested_links_on_the_real_documents_reach_the_measured_precision_recall_and_chief_topic_rank()
    {
        var labels = LabelledLinks.Load();
        await using var app = new PortfolioApp(_folder.DatabasePath);

        var suggestions = new List<SuggestedCase>();
        foreach (var label in labels)
        {
            var links = await app.SendAsync(new GetCaseLinks(label.Case, IncludeRejected: false));
            suggestions.Add(new SuggestedCase(label.Case, [.. links.Where(l => l.State == LinkState.Suggested).Select(l => (l.Item, l.Score))]));
        }
        var quality = LinkQuality.Measure(labels, suggestions);

        var report = quality.ToMarkdown();
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        if (Environment.GetEnvironmentVariable("NUIT_LINK_QUALITY_REPORT") is { Length: > 0 } path)
            await File.WriteAllTextAsync(path, report, TestContext.Current.CancellationToken);

        Assert.True(quality.Precision >= MinPrecision, $"Presisjon {quality.Precision:0.00} < {MinPrecision}.\n{report}");
        Assert.True(quality.Recall >= MinRecall, $"Gjenfinning {quality.Recall:0.00} < {MinRecall}.\n{report}");
        Assert.True(quality.ChiefFirstRate >= MinChiefFirst, $"Hovedtema først {quality.ChiefFirstRate:0.00} < {MinChiefFirst}.\n{report}");
    }

    [Fact]
    public async Task The_labelled_set_covers_every_case_of_the_seeded_meetings()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);

        var seeded = await app.WithDbAsync(db => db.Cases.Where(c => c.MeetingId != null)
            .Select(c => new { c.Body!.Code, c.Number }).ToListAsync());

        Assert.Equal(
            seeded.Select(c => $"{Bodies.ShortName(c.Code)} {c.Number}").Order(StringComparer.Ordinal),
            LabelledLinks.Load().Select(l => l.Case).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cases_touching_an_item_gives_the_same_links_as_the_links_of_each_case()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var cases = LabelledLinks.Load().Select(l => l.Case).ToList();

        var byCase = new HashSet<(string, string)>();
        foreach (var c in cases)
            foreach (var l in await app.SendAsync(new GetCaseLinks(c, IncludeRejected: false)))
                byCase.Add((c, l.Item));
        var codes = await app.WithDbAsync(db => db.RoadmapItems.Select(i => i.Code).ToListAsync());
        var byItem = new HashSet<(string, string)>();
        foreach (var code in codes)
            foreach (var t in await app.SendAsync(new CasesTouching(code)))
                byItem.Add((t.Case, code));

        Assert.NotEmpty(byCase);
        Assert.Equal(byCase.Order(), byItem.Order());
    }
}
