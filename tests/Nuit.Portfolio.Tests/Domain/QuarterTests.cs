using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Tests.Domain;

public sealed class QuarterTests
{
    [Theory]
    [InlineData("2025-Q1", 2025, 1)]
    [InlineData("2025Q4", 2025, 4)]
    [InlineData("2024-q2", 2024, 2)]
    [InlineData("Q3-2024", 2024, 3)]
    [InlineData("1. kvartal 2025", 2025, 1)]
    [InlineData(" 2030-Q2 ", 2030, 2)]
    public void Parses_the_written_forms(string text, int year, int number)
    {
        var q = Quarter.Parse(text);
        Assert.Equal(year, q.Year);
        Assert.Equal(number, q.Number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025")]
    [InlineData("2025-Q0")]
    [InlineData("2025-Q5")]
    [InlineData("25-Q1")]
    [InlineData("2025-Q1x")]
    [InlineData("Q1")]
    [InlineData("0999-Q1")]
    public void Rejects_bad_input_with_a_message_naming_it(string text)
    {
        Assert.False(Quarter.TryParse(text, out _));
        var ex = Assert.Throws<FormatException>(() => Quarter.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2025, 1, 1, 2025, 1)]
    [InlineData(2025, 3, 31, 2025, 1)]
    [InlineData(2025, 4, 1, 2025, 2)]
    [InlineData(2024, 9, 5, 2024, 3)]
    [InlineData(2024, 12, 31, 2024, 4)]
    public void Is_derived_from_a_date(int y, int m, int d, int year, int number) =>
        Assert.Equal(new Quarter(year, number), Quarter.FromDate(new DateOnly(y, m, d)));

    [Fact]
    public void Steps_across_year_boundaries()
    {
        Assert.Equal(new Quarter(2025, 1), new Quarter(2024, 4).Next());
        Assert.Equal(new Quarter(2024, 4), new Quarter(2025, 1).Previous());
        Assert.Equal(new Quarter(2025, 3), new Quarter(2025, 2).Next());
    }

    [Fact]
    public void Formats_iso_for_files_and_bokmal_for_screens()
    {
        var q = new Quarter(2025, 1);
        Assert.Equal("2025-Q1", q.ToString());
        Assert.Equal("1. kvartal 2025", q.ToDisplayString());
        Assert.Equal(new DateOnly(2025, 1, 1), q.FirstDay);
        Assert.Equal(new DateOnly(2025, 3, 31), q.LastDay);
        Assert.Equal(new DateOnly(2024, 12, 31), new Quarter(2024, 4).LastDay);
    }

    [Fact]
    public void Orders_chronologically()
    {
        Assert.True(new Quarter(2024, 4) < new Quarter(2025, 1));
        Assert.True(new Quarter(2025, 2) > new Quarter(2025, 1));
        Assert.Equal(
            ["2024-Q3", "2024-Q4", "2025-Q1"],
            new[] { new Quarter(2025, 1), new Quarter(2024, 3), new Quarter(2024, 4) }.Order().Select(q => q.ToString()));
    }

    [Fact]
    public void Constructor_refuses_an_impossible_quarter() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Quarter(2025, 5));
}
