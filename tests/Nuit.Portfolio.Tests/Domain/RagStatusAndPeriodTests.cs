using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Tests.Domain;

public sealed class RagStatusAndPeriodTests
{
    [Theory]
    [InlineData("green", RagStatus.Green)]
    [InlineData("Grønn", RagStatus.Green)]
    [InlineData("AMBER", RagStatus.Amber)]
    [InlineData("gul", RagStatus.Amber)]
    [InlineData("rød", RagStatus.Red)]
    [InlineData("red", RagStatus.Red)]
    [InlineData("grå", RagStatus.Grey)]
    [InlineData("grey", RagStatus.Grey)]
    public void Rag_parses_english_and_norwegian(string text, RagStatus expected) =>
        Assert.Equal(expected, RagStatuses.Parse(text));

    [Fact]
    public void Rag_rejects_unknown_words_with_the_choices()
    {
        var ex = Assert.Throws<FormatException>(() => RagStatuses.Parse("blue"));
        Assert.Contains("green, amber, red eller grey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rag_has_text_not_just_colour()
    {
        Assert.Equal("Grønn", RagStatus.Green.ToDisplayString());
        Assert.Equal("Gul", RagStatus.Amber.ToDisplayString());
        Assert.Equal("Rød", RagStatus.Red.ToDisplayString());
        Assert.Equal("Grå (ikke rapportert)", RagStatus.Grey.ToDisplayString());
        Assert.Equal("amber", RagStatus.Amber.ToCode());
    }

    [Fact]
    public void Grey_is_the_default_meaning_not_reported() => Assert.Equal(RagStatus.Grey, default(RagStatus));

    [Theory]
    [InlineData("2023", true, "2023")]
    [InlineData("2025-Q1", false, "2025-Q1")]
    [InlineData("2025q3", false, "2025-Q3")]
    public void Periods_are_years_or_quarters(string text, bool isYear, string formatted)
    {
        var p = Period.Parse(text);
        Assert.Equal(isYear, p.IsYear);
        Assert.Equal(formatted, p.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("23")]
    [InlineData("2023-13")]
    [InlineData("år 2023")]
    public void Periods_reject_bad_input(string text) => Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void A_year_sorts_after_its_quarters() =>
        Assert.Equal(
            ["2024-Q4", "2024", "2025-Q1"],
            new[] { "2025-Q1", "2024", "2024-Q4" }.Select(Period.Parse).Order().Select(p => p.ToString()));
}
