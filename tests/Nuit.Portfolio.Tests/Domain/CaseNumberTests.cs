using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Tests.Domain;

public sealed class CaseNumberTests
{
    [Theory]
    [InlineData("31/24", 31, 2024, null, "31/24")]
    [InlineData("1/25", 1, 2025, null, "1/25")]
    [InlineData("39/19-2", 39, 2019, 2, "39/19-2")]
    [InlineData("31/2024", 31, 2024, null, "31/24")]
    [InlineData("31-24", 31, 2024, null, "31/24")]
    [InlineData(" 7/05 ", 7, 2005, null, "7/05")]
    public void Parses_and_formats(string text, int seq, int year, int? sub, string formatted)
    {
        var n = CaseNumber.Parse(text);
        Assert.Equal(seq, n.Sequence);
        Assert.Equal(year, n.Year);
        Assert.Equal(sub, n.SubNumber);
        Assert.Equal(formatted, n.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("31")]
    [InlineData("0/24")]
    [InlineData("31/2")]
    [InlineData("31/24-0")]
    [InlineData("abc/24")]
    [InlineData("31/24/1")]
    public void Rejects_bad_input(string text)
    {
        Assert.False(CaseNumber.TryParse(text, out _));
        var ex = Assert.Throws<FormatException>(() => CaseNumber.Parse(text));
        Assert.Contains("saksnummer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_segment_replaces_the_slash() =>
        Assert.Equal("39-19-2", CaseNumber.Parse("39/19-2").ToUrlSegment());

    [Fact]
    public void Orders_by_year_then_number_then_sub_case() =>
        Assert.Equal(
            ["39/19", "39/19-2", "2/24", "31/24", "1/25"],
            new[] { "31/24", "1/25", "39/19-2", "2/24", "39/19" }.Select(s => CaseNumber.Parse(s)).Order().Select(n => n.ToString()));

    [Theory]
    [InlineData("NUIT 31/24", BodyCode.Nuit, "31/24", "NUIT 31/24")]
    [InlineData("NUFA, sak 14/24", BodyCode.Nufa, "14/24", "NUFA 14/24")]
    [InlineData("Nasjonalt e-helseråd, sak 37/23", BodyCode.EHelseraad, "37/23", "Nasjonalt e-helseråd 37/23")]
    [InlineData("nuit 39/19-2", BodyCode.Nuit, "39/19-2", "NUIT 39/19-2")]
    [InlineData("NUIT/31-24", BodyCode.Nuit, "31/24", "NUIT 31/24")]
    public void Case_keys_are_scoped_to_a_body(string text, BodyCode body, string number, string formatted)
    {
        var key = CaseKey.Parse(text);
        Assert.Equal(body, key.Body);
        Assert.Equal(number, key.Number.ToString());
        Assert.Equal(formatted, key.ToString());
    }

    [Fact]
    public void The_same_number_in_two_bodies_is_two_cases() =>
        Assert.NotEqual(CaseKey.Parse("NUIT 14/24"), CaseKey.Parse("NUFA 14/24"));

    [Theory]
    [InlineData("31/24")]
    [InlineData("HOD 31/24")]
    [InlineData("NUIT")]
    public void Rejects_a_key_without_a_known_body_or_number(string text)
    {
        Assert.False(CaseKey.TryParse(text, out _));
        Assert.Throws<FormatException>(() => CaseKey.Parse(text));
    }
}
