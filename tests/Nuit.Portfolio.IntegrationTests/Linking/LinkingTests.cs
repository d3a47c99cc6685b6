using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Linking;

/// <summary>Links on the seeded register: both real documents imported, the matcher run by the import.</summary>
public sealed class LinkingTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private PortfolioApp App() => new(_folder.DatabasePath);

    [Fact]
    public async Task Cases_touching_SFM_come_newest_first_with_evidence()
    {
        await using var app = App();
        var cases = await app.SendAsync(new CasesTouching("SFM"));

        Assert.Contains("NUIT 31/24", cases.Select(c => c.Case));
        Assert.Contains("NUIT 17/24", cases.Select(c => c.Case));
        var dates = cases.Select(c => c.MeetingDate!.Value).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        var c31 = cases.Single(c => c.Case == "NUIT 31/24");
        Assert.Equal(new DateOnly(2024, 9, 5), c31.MeetingDate);
        Assert.Equal(LinkState.Suggested, c31.State);
        Assert.Contains(c31.Evidence, e => e.Text.Contains("SFM", StringComparison.Ordinal));
        Assert.All(cases, c => Assert.InRange(c.Score, 0.15, 1.0));
    }

    [Fact]
    public async Task The_chief_topic_of_a_case_is_its_strongest_link()
    {
        await using var app = App();
        Assert.Equal("ICD11", (await app.SendAsync(new GetCaseLinks("NUIT 36/24")))[0].Item);
        Assert.Equal("NORSURV", (await app.SendAsync(new GetCaseLinks("NUIT 34/24")))[0].Item);
        Assert.Equal("KIPLAN", (await app.SendAsync(new GetCaseLinks("NUIT 8/25")))[0].Item);
        Assert.Equal("EHDS", (await app.SendAsync(new GetCaseLinks("NUIT 7/25")))[0].Item);
    }

    [Fact]
    public async Task A_rejected_link_is_never_revived_and_a_confirmed_one_is_never_touched()
    {
        await using var app = App();
        var rejected = await app.SendAsync(new DecideLink("NUIT 31/24", "SFM", LinkDecision.Reject), actingAs: "kari");
        var confirmed = await app.SendAsync(new DecideLink("NUIT 36/24", "ICD11", LinkDecision.Confirm), actingAs: "ola");
        Assert.Equal((LinkState.Rejected, "kari"), (rejected.State, rejected.DecidedBy));
        Assert.Equal((LinkState.Confirmed, "ola"), (confirmed.State, confirmed.DecidedBy));

        await app.SendAsync(new RefreshLinks());
        // An alias edit refreshes every case too.
        await app.SendAsync(new EditAliases("SFM", ["sentral forskrivningsmodulen"], []));

        var sfm = await app.SendAsync(new CasesTouching("SFM"));
        Assert.DoesNotContain("NUIT 31/24", sfm.Select(c => c.Case));
        var withRejected = await app.SendAsync(new CasesTouching("SFM", "rejected"));
        Assert.Equal("NUIT 31/24", Assert.Single(withRejected).Case);
        var icd = (await app.SendAsync(new GetCaseLinks("NUIT 36/24"))).Single(l => l.Item == "ICD11");
        Assert.Equal(confirmed.Version, icd.Version);
        Assert.Equal(LinkState.Confirmed, icd.State);
    }

    [Fact]
    public async Task People_can_add_a_link_by_hand_with_a_note()
    {
        await using var app = App();
        var link = await app.SendAsync(new DecideLink("NUIT 35/24", "M3", LinkDecision.Add, "Strategi for helsedata gjelder mål 3."));

        Assert.Equal((LinkState.Confirmed, "manual"), (link.State, link.Origin));
        Assert.Equal(new EvidenceDto("Notat", "Strategi for helsedata gjelder mål 3."), link.Evidence[0]);
        Assert.Contains("NUIT 35/24", (await app.SendAsync(new CasesTouching("M3", "confirmed"))).Select(c => c.Case));

        // A refresh leaves a hand-made link alone.
        await app.SendAsync(new RefreshLinks());
        Assert.Contains("NUIT 35/24", (await app.SendAsync(new CasesTouching("M3", "confirmed"))).Select(c => c.Case));
    }

    [Fact]
    public async Task A_new_alias_brings_new_suggestions_and_removing_it_takes_them_away()
    {
        await using var app = App();
        Assert.DoesNotContain("NUIT 33/24", (await app.SendAsync(new CasesTouching("DIGSAM"))).Select(c => c.Case));

        var result = await app.SendAsync(new EditAliases("DIGSAM", ["SMART on FHIR"], []));
        Assert.Contains("SMART on FHIR", result.Aliases);
        Assert.True(result.Refresh.Added > 0);
        Assert.Contains("NUIT 33/24", (await app.SendAsync(new CasesTouching("DIGSAM"))).Select(c => c.Case));

        await app.SendAsync(new EditAliases("DIGSAM", [], ["SMART on FHIR"]));
        Assert.DoesNotContain("NUIT 33/24", (await app.SendAsync(new CasesTouching("DIGSAM"))).Select(c => c.Case));
    }

    [Theory]
    [InlineData("helse", "vanlig ord")]
    [InlineData("x", "for kort")]
    [InlineData("Kjernejournal", "brukes av flere elementer")]
    public async Task An_alias_that_would_match_too_much_is_refused_with_the_reason(string alias, string reason)
    {
        await using var app = App();
        var ex = await Assert.ThrowsAnyAsync<Exception>(async () => await app.SendAsync(new EditAliases("SFM", [alias], [])));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(alias, (await app.SendAsync(new Portfolio.Features.Strategy.GetInitiative("SFM"))).Aliases);
    }

    [Fact]
    public async Task An_unknown_code_lists_the_closest_codes()
    {
        await using var app = App();
        var ex = await Assert.ThrowsAsync<NotFoundException>(async () => await app.SendAsync(new CasesTouching("SMF")));
        Assert.Equal("Finner ikke «SMF». Nærmeste koder: SFM, ERESEPT, M1.", ex.Message);
        // An alias works where a code is asked for.
        Assert.NotEmpty(await app.SendAsync(new CasesTouching("ICD-11")));
    }

    [Fact]
    public async Task A_period_filter_keeps_only_meetings_in_it()
    {
        await using var app = App();
        var all = await app.SendAsync(new CasesTouching("PLL"));
        var autumn = await app.SendAsync(new CasesTouching("PLL", From: "2024-Q3", To: "2024"));

        Assert.Contains(all, c => c.MeetingDate == new DateOnly(2024, 5, 15));
        Assert.NotEmpty(autumn);
        Assert.All(autumn, c => Assert.Equal(new DateOnly(2024, 9, 5), c.MeetingDate));
    }

    [Fact]
    public async Task Search_finds_inflected_forms_and_treats_norwegian_letters_as_letters()
    {
        await using var app = App();
        var hits = await app.SendAsync(new SearchCases("legemiddelliste"));
        Assert.Contains("NUIT 25/24", hits.Select(h => h.Case));
        Assert.Contains(hits, h => h.Snippet.Contains("«legemiddelliste", StringComparison.OrdinalIgnoreCase));

        // "prøvesvar" is found; "provesvar" is another word, because ø is not a diacritic of o.
        Assert.NotEmpty(await app.SendAsync(new SearchCases("prøvesvar")));
        Assert.Empty(await app.SendAsync(new SearchCases("provesvar")));
        // FTS syntax in user text is just text.
        Assert.Empty(await app.SendAsync(new SearchCases("NEAR(\"x\" OR) *")));
    }

    [Fact]
    public async Task The_treatment_chain_follows_earlier_cases_across_bodies()
    {
        await using var app = App();
        // A later NUIT case that refers back to NUIT 32/24, which itself refers to NUFA and the e-helseråd.
        var later = """
            Møte i NUIT
            Møte 1/2026

            Dato 12. februar 2026

            Sak Agenda NUIT Tidspunkt Sakstype

            1/26 Helseteknologiordningen – status 09:00 Orientering

            Sak Tema Sakstype

            1/26 Helseteknologiordningen – status Orientering

             Helsedirektoratet orienterer om status for Helseteknologiordningen.

             Forslag til vedtak:
            NUIT tar saken til orientering.
            """;
        await app.SendAsync(new ImportDocument("innkalling-1-2026.txt", Encoding.UTF8.GetBytes(later)));
        await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.Include(x => x.References).SingleAsync(x => x.Number == "1/26");
            var target = await db.Cases.SingleAsync(x => x.Number == "32/24");
            c.References.Add(new Domain.CaseReference
            {
                ReferencedBody = Domain.BodyCode.Nuit, ReferencedNumber = "32/24", ReferencedCaseId = target.Id,
                Date = new DateOnly(2024, 9, 5), RawText = "NUIT 32/24",
            });
            return await db.SaveChangesAsync();
        });

        var chain = await app.SendAsync(new GetTreatmentChain("NUIT 1/26"));

        Assert.Equal(("NUIT 1/26", 0), (chain[0].Case, chain[0].Depth));
        Assert.Equal(("NUIT 32/24", 1, "NUIT 1/26", true), (chain[1].Case, chain[1].Depth, chain[1].ReferredFrom, chain[1].InRegister));
        Assert.Equal("Helseteknologiordningen – etablering av veilednings- og godkjenningsordning", chain[1].Title);
        var earlier = chain.Where(t => t.Depth == 2).Select(t => (t.Case, t.InRegister)).ToList();
        Assert.Contains(("NUFA 14/24", false), earlier);
        Assert.Contains(("Nasjonalt e-helseråd 37/23", false), earlier);
    }

    [Fact]
    public async Task The_api_answers_which_cases_touched_an_item_and_takes_decisions()
    {
        await using var app = App();
        var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var cases = await client.GetFromJsonAsync<JsonElement>("/api/initiatives/ICD11/cases", ct);
        // Cases of the same meeting come in case order; 36/24 is the one about ICD-11.
        var first = cases.EnumerateArray().Single(c => c.GetProperty("case").GetString() == "NUIT 36/24");
        Assert.Equal("2024-09-05", first.GetProperty("meetingDate").GetString());
        Assert.Equal("Drøfting", first.GetProperty("type").GetString());
        Assert.Equal("suggested", first.GetProperty("state").GetString());
        Assert.True(first.GetProperty("score").GetDouble() > 0.8);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("evidence")[0].GetProperty("section").GetString()));

        var links = await client.GetFromJsonAsync<JsonElement>("/api/cases/NUIT/36-24/links", ct);
        var version = links.EnumerateArray().Single(l => l.GetProperty("item").GetString() == "ICD11").GetProperty("version").GetGuid();

        var confirm = await client.PostAsJsonAsync("/api/cases/NUIT/36-24/links/confirm", new { item = "ICD11", expectedVersion = version }, ct);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        // The same decision made on the version seen before is now stale: a clear conflict, not a silent overwrite.
        var stale = await client.PostAsJsonAsync("/api/cases/NUIT/36-24/links/reject", new { item = "ICD11", expectedVersion = version }, ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(LinkState.Confirmed, (await app.SendAsync(new GetCaseLinks("NUIT 36/24"))).Single(l => l.Item == "ICD11").State);

        var unknown = await client.GetAsync(new Uri("/api/items/SMF/cases", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("SFM", await unknown.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        var search = await client.GetFromJsonAsync<JsonElement>("/api/search?q=ICD-11", ct);
        Assert.Contains("NUIT 36/24", search.EnumerateArray().Select(h => h.GetProperty("case").GetString()));
    }

    [Fact]
    public async Task Cli_cases_touching_prints_the_documented_json()
    {
        var result = await AppProcess.RunCliAsync(_folder.Path,
            "cases", "--touching", "NORSURV", "--state", "suggested,confirmed", "--from", "2024-Q1", "--format", "json",
            "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData);

        Assert.Equal(0, result.ExitCode);
        var first = JsonDocument.Parse(result.Stdout).RootElement[0];
        Assert.Equal("NUIT 34/24", first.GetProperty("case").GetString());
        foreach (var field in new[] { "title", "meetingDate", "type", "state", "score", "evidence" })
            Assert.True(first.TryGetProperty(field, out _), field);
        Assert.True(first.GetProperty("evidence")[0].TryGetProperty("section", out _));
        Assert.True(first.GetProperty("evidence")[0].TryGetProperty("text", out _));

        var bad = await AppProcess.RunCliAsync(_folder.Path, "cases", "--touching", "NORSURV", "--state", "kanskje",
            "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Ukjent tilstand i «kanskje»", bad.Stderr, StringComparison.Ordinal);
    }
}
