using Nuit.Portfolio.Features.Roadmap;

namespace Nuit.Portfolio.Tests.Roadmap;

public sealed class MilestoneRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("2026-03-01", "2025-03-01")]   // exactly a year early: allowed
    [InlineData("2026-03-01", "2026-08-01")]   // late
    [InlineData(null, "2020-01-01")]           // nothing planned to compare with
    public void Plausible_dates_pass(string? planned, string actual) =>
        Assert.Null(RoadmapEdits.MilestoneProblem(planned is null ? null : DateOnly.Parse(planned, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(actual, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Fact]
    public void Actual_more_than_a_year_before_planned_is_refused()
    {
        var problem = RoadmapEdits.MilestoneProblem(new DateOnly(2026, 3, 1), new DateOnly(2025, 2, 28), Today);
        Assert.Equal("actual", problem?.Field);
        Assert.Contains("sjekk årstallet", problem?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Actual_after_today_is_refused() =>
        Assert.Contains("fremtiden", RoadmapEdits.MilestoneProblem(null, Today.AddDays(1), Today)?.Reason, StringComparison.Ordinal);
}
