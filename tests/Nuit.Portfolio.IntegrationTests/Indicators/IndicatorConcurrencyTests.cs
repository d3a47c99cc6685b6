using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Indicators;

/// <summary>Values and targets edited with the version the client read: a stale edit is 409 and changes nothing.</summary>
public sealed class IndicatorConcurrencyTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stale_value_edit_is_409_with_the_current_value_and_changes_nothing()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var read = await client.GetFromJsonAsync<JsonElement>("/api/indicators/DIGITAL-KONTAKT", Ct);
        var seen = read.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("period").GetString() == "2023").GetProperty("version").GetGuid();

        var first = await client.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/values/2023", new { value = 58, source = "Rettet", expectedVersion = seen }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var fresh = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("valueVersion").GetGuid();
        Assert.NotEqual(seen, fresh);

        var stale = await client.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/values/2023", new { value = 40, source = "Eldre tall", expectedVersion = seen }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = Assert.Single((await stale.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("current").EnumerateArray());
        Assert.Equal((58m, "Rettet", fresh), (current.GetProperty("value").GetDecimal(), current.GetProperty("source").GetString(), current.GetProperty("version").GetGuid()));
        var stored = await app.WithDbAsync(db => db.IndicatorValues.SingleAsync(v => v.Indicator!.Code == "DIGITAL-KONTAKT" && v.Period == "2023", Ct));
        Assert.Equal((58m, "Rettet", fresh), (stored.Value, stored.Source, stored.Version));
        var history = await app.WithDbAsync(db => db.ChangeRecords.Where(c => c.ItemCode == "DIGITAL-KONTAKT").OrderBy(c => c.Id).Select(c => c.NewValue).ToListAsync(Ct));
        Assert.Equal(["58", "Rettet"], history);

        // Sending the version the conflict gave back is a deliberate overwrite, and it succeeds.
        var again = await client.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/values/2023", new { value = 40, source = "Eldre tall", expectedVersion = fresh }, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(40m, await app.WithDbAsync(db => db.IndicatorValues.Where(v => v.Indicator!.Code == "DIGITAL-KONTAKT" && v.Period == "2023").Select(v => v.Value).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_target_created_meanwhile_or_changed_since_is_a_conflict_and_a_fresh_version_succeeds()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();

        // The all-zero version says «there was no target for 2025 when I looked».
        var created = await client.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/targets/2025", new { value = 65, expectedVersion = Guid.Empty }, Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var version = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("targetVersion").GetGuid();
        var detail = await client.GetFromJsonAsync<JsonElement>("/api/indicators/DIGITAL-KONTAKT", Ct);
        Assert.Equal(version, Assert.Single(detail.GetProperty("targets").EnumerateArray()).GetProperty("version").GetGuid());

        var late = await client.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/targets/2025", new { value = 70, expectedVersion = Guid.Empty }, Ct);
        var stale = await client.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/targets/2025", new { value = 70, expectedVersion = Guid.NewGuid() }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(65m, Assert.Single((await late.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("current").EnumerateArray()).GetProperty("value").GetDecimal());
        Assert.Equal(65m, await app.WithDbAsync(db => db.IndicatorTargets.Where(t => t.Indicator!.Code == "DIGITAL-KONTAKT" && t.Period == "2025").Select(t => t.Value).SingleAsync(Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.ItemCode == "DIGITAL-KONTAKT", Ct)));

        var fresh = await client.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/targets/2025", new { value = 70, @case = "NUIT 31/24", expectedVersion = version }, Ct);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(version, (await fresh.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("targetVersion").GetGuid());
        Assert.Equal(["målverdi 2025", "målverdi 2025", "målverdi sak 2025"],
            await app.WithDbAsync(db => db.ChangeRecords.Where(c => c.ItemCode == "DIGITAL-KONTAKT").OrderBy(c => c.Id).Select(c => c.Field).ToListAsync(Ct)));
    }

    [Fact]
    public async Task The_command_line_refuses_a_stale_expected_version_with_exit_code_5()
    {
        Task<CliResult> Nuit(params string[] args) =>
            AppProcess.RunCliAsync(_folder.Path, [.. args, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData]);
        var shown = await Nuit("indicator", "HP-FORNOYD", "--format", "json");
        var version = JsonDocument.Parse(shown.Stdout).RootElement.GetProperty("values").EnumerateArray().Single().GetProperty("version").GetString()!;

        var stale = await Nuit("values", "set", "HP-FORNOYD", "--period", "2023", "--value", "54", "--source", "x", "--expected-version", Guid.NewGuid().ToString());
        var fresh = await Nuit("values", "set", "HP-FORNOYD", "--period", "2023", "--value", "54", "--source", "x", "--expected-version", version, "--format", "json");

        Assert.Equal(5, stale.ExitCode);
        Assert.Contains(Common.Outcomes.StaleEdit, stale.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, fresh.ExitCode);
        Assert.Equal("54", JsonDocument.Parse(fresh.Stdout).RootElement.GetProperty("changes")[0].GetProperty("new").GetString());
    }
}
