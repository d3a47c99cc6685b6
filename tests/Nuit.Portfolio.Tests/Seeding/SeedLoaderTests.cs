using Nuit.Portfolio.Common;
using Nuit.Portfolio.Seeding;

namespace Nuit.Portfolio.Tests.Seeding;

public sealed class SeedLoaderTests
{
    private const string Valid = """
        {
          "strategy": { "name": "S", "firstYear": 2023, "lastYear": 2030 },
          "goals": [ { "code": "M1", "name": "Mål 1", "subGoals": [ { "code": "1A", "name": "Delmål" } ] } ],
          "initiatives": [ { "code": "SFM", "name": "Sentral forskrivningsmodul", "subGoals": ["1A"],
                             "milestones": [ { "name": "Start", "planned": "2025-10-01", "source": "NUIT 32/24" } ] } ],
          "indicators": [ { "code": "IND", "name": "I", "goal": "M1", "unit": "%",
                            "values": [ { "period": "2023", "value": 57, "source": "Undersøkelse" } ] } ]
        }
        """;

    [Fact]
    public void The_real_seed_file_loads()
    {
        var path = Path.Combine(RepoRoot.SeedData, SeedLoader.StrategyFileName);
        var seed = SeedLoader.Parse(File.ReadAllText(path), path);
        Assert.Equal(["M1", "M2", "M3", "M4", "M5"], seed.Goals.Select(g => g.Code));
        Assert.Equal(13, seed.Initiatives.Count);
        Assert.Contains(seed.Initiatives, i => i.Code == "SFM" && i.Aliases.Contains("SFM"));
        var contact = Assert.Single(seed.Indicators, i => i.Code == "DIGITAL-KONTAKT");
        Assert.Equal([33m, 47m, 46m, 54m, 57m], contact.Values.Select(v => v.Value));
        Assert.All(seed.Indicators.SelectMany(i => i.Values), v => Assert.False(string.IsNullOrWhiteSpace(v.Source)));
        Assert.All(seed.MeetingDocuments, d => Assert.True(File.Exists(Path.Combine(RepoRoot.SeedData, d)), d));
    }

    [Fact]
    public void A_valid_file_parses() => Assert.Equal("SFM", SeedLoader.Parse(Valid, "s.json").Initiatives[0].Code);

    [Theory]
    [InlineData("\"code\": \"SFM\"", "\"code\": \"M1\"", "initiatives[0].code", "finnes fra før")]
    [InlineData("\"code\": \"1A\"", "\"code\": \"2A\"", "goals[0].subGoals[0].code", "målets nummer og en bokstav")]
    [InlineData("\"subGoals\": [\"1A\"]", "\"subGoals\": [\"1Z\"]", "initiatives[0].subGoals[0]", "finnes ikke")]
    [InlineData("\"planned\": \"2025-10-01\"", "\"planned\": \"1.10.2025\"", "initiatives[0].milestones[0].planned", "ÅÅÅÅ-MM-DD")]
    [InlineData("\"goal\": \"M1\"", "\"goal\": \"M9\"", "indicators[0].goal", "finnes ikke")]
    [InlineData("\"period\": \"2023\"", "\"period\": \"23\"", "indicators[0].values[0].period", "ikke en periode")]
    [InlineData("\"source\": \"Undersøkelse\"", "\"source\": \"\"", "indicators[0].values[0].source", "mangler kilde")]
    public void A_bad_field_is_named_with_the_reason(string from, string to, string field, string reason)
    {
        var ex = Assert.Throws<InputException>(() => SeedLoader.Parse(Valid.Replace(from, to, StringComparison.Ordinal), "strategy.json"));
        Assert.Equal("strategy.json", ex.Source);
        Assert.Equal($"felt {field}", ex.Location);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_names_the_line()
    {
        var broken = Valid.Replace("\"unit\": \"%\",", "\"unit\": \"%\" ", StringComparison.Ordinal);
        var ex = Assert.Throws<InputException>(() => SeedLoader.Parse(broken, "strategy.json"));
        // The comma is missing at the end of line 6; the reader notices at the next token, on line 7.
        Assert.StartsWith("linje 7, felt $.indicators[0]", ex.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var missing = Valid.Replace("\"unit\": \"%\",", "", StringComparison.Ordinal);
        var ex = Assert.Throws<InputException>(() => SeedLoader.Parse(missing, "strategy.json"));
        Assert.Contains("unit", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("påkrevd", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_refused_not_ignored()
    {
        var typo = Valid.Replace("\"unit\"", "\"units\"", StringComparison.Ordinal).Replace("\"goal\": \"M1\",", "\"goal\": \"M1\", \"unit\": \"%\",", StringComparison.Ordinal);
        var ex = Assert.Throws<InputException>(() => SeedLoader.Parse(typo, "strategy.json"));
        Assert.Contains("units", ex.Location, StringComparison.Ordinal);
        Assert.Contains("ukjent felt", ex.Reason, StringComparison.Ordinal);
    }
}
