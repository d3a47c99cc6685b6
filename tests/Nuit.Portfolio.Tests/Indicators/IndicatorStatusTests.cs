using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;

namespace Nuit.Portfolio.Tests.Indicators;

public sealed class IndicatorStatusTests
{
    [Theory]
    [InlineData(65, 65, RagStatus.Green)]      // at the target
    [InlineData(70, 65, RagStatus.Green)]      // past it
    [InlineData(55.25, 65, RagStatus.Amber)]   // exactly 15 % short
    [InlineData(60, 65, RagStatus.Amber)]
    [InlineData(55.24, 65, RagStatus.Red)]     // just beyond 15 %
    [InlineData(10, 65, RagStatus.Red)]
    public void Higher_is_better_uses_the_default_15_percent_band(double value, double target, RagStatus expected) =>
        Assert.Equal(expected, IndicatorStatus.Derive((decimal)value, (decimal)target, IndicatorDirection.HigherIsBetter, 0.15m));

    [Theory]
    [InlineData(20, 20, RagStatus.Green)]
    [InlineData(15, 20, RagStatus.Green)]
    [InlineData(23, 20, RagStatus.Amber)]
    [InlineData(23.01, 20, RagStatus.Red)]
    public void Lower_is_better_turns_the_comparison_around(double value, double target, RagStatus expected) =>
        Assert.Equal(expected, IndicatorStatus.Derive((decimal)value, (decimal)target, IndicatorDirection.LowerIsBetter, 0.15m));

    [Fact]
    public void The_tolerance_is_per_indicator()
    {
        Assert.Equal(RagStatus.Red, IndicatorStatus.Derive(60, 65, IndicatorDirection.HigherIsBetter, 0.05m));
        Assert.Equal(RagStatus.Amber, IndicatorStatus.Derive(60, 65, IndicatorDirection.HigherIsBetter, 0.10m));
    }

    [Fact]
    public void No_value_is_grey_and_a_value_without_target_has_no_status()
    {
        Assert.Equal(RagStatus.Grey, IndicatorStatus.Derive(null, 65, IndicatorDirection.HigherIsBetter, 0.15m));
        Assert.Null(IndicatorStatus.Derive(57, null, IndicatorDirection.HigherIsBetter, 0.15m));
        Assert.Equal("Uten mål", IndicatorStatus.ToText(null));
        Assert.Equal("Gul", IndicatorStatus.ToText(RagStatus.Amber));
        Assert.Equal("no-target", IndicatorStatus.ToCode(null));
    }

    [Fact]
    public void A_target_of_zero_still_has_an_amber_band_of_zero_width()
    {
        Assert.Equal(RagStatus.Green, IndicatorStatus.Derive(0, 0, IndicatorDirection.LowerIsBetter, 0.15m));
        Assert.Equal(RagStatus.Red, IndicatorStatus.Derive(1, 0, IndicatorDirection.LowerIsBetter, 0.15m));
    }
}
