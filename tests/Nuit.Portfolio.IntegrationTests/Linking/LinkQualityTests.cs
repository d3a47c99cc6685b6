namespace Nuit.Portfolio.IntegrationTests.Linking;

/// <summary>The measure itself, on small hand-made sets, so a wrong count cannot pass as a good matcher.</summary>
public sealed class LinkQualityTests
{
    private static readonly LabelledCase[] Labels =
    [
        new("NUIT 1/24", ["SFM", "PLL"], "SFM", ""),
        new("NUIT 2/24", [], null, ""),
        new("NUIT 3/24", ["EHDS"], "EHDS", ""),
    ];

    [Fact]
    public void Suggestions_equal_to_the_labels_score_one_everywhere()
    {
        var q = LinkQuality.Measure(Labels,
        [
            new("NUIT 1/24", [("SFM", 0.9), ("PLL", 0.2)]),
            new("NUIT 2/24", []),
            new("NUIT 3/24", [("EHDS", 0.8)]),
        ]);

        Assert.Equal((1.0, 1.0, 1.0), (q.Precision, q.Recall, q.ChiefFirstRate));
        Assert.Empty(q.Errors);
    }

    [Fact]
    public void A_wrong_suggestion_lowers_precision_a_missed_mention_lowers_recall_and_both_are_listed()
    {
        var q = LinkQuality.Measure(Labels,
        [
            new("NUIT 1/24", [("SFM", 0.9)]),
            new("NUIT 2/24", [("KIPLAN", 0.22)]),
            new("NUIT 3/24", [("EHDS", 0.8)]),
        ]);

        Assert.Equal((2, 1, 1), (q.TruePositives, q.FalsePositives, q.FalseNegatives));
        Assert.Equal(2.0 / 3, q.Precision, 6);
        Assert.Equal(2.0 / 3, q.Recall, 6);
        Assert.Equal([new LinkError("NUIT 1/24", "PLL", Missed: true), new LinkError("NUIT 2/24", "KIPLAN", Missed: false)],
            q.Errors.OrderBy(e => e.Case, StringComparer.Ordinal));
        var pll = q.PerItem.Single(i => i.Item == "PLL");
        Assert.Equal((0, 0, 1), (pll.TruePositives, pll.FalsePositives, pll.FalseNegatives));
    }

    [Theory]
    [InlineData(0.5, 0.9, 0.0)] // another item above the chief topic
    [InlineData(0.9, 0.9, 0.0)] // a tie is not "first": the order would come from the code
    [InlineData(0.9, 0.5, 0.5)] // chief of 1/24 first; 3/24 has no suggestion at all
    public void The_chief_topic_counts_only_when_strictly_above_every_other_suggestion(double sfm, double pll, double expected)
    {
        var q = LinkQuality.Measure(Labels, [new("NUIT 1/24", [("SFM", sfm), ("PLL", pll)])]);

        Assert.Equal(expected, q.ChiefFirstRate, 6);
    }
}
