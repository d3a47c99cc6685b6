using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using static Nuit.Portfolio.IntegrationTests.Infrastructure.Forms;

namespace Nuit.Portfolio.IntegrationTests.Linking;

/// <summary>Links by hand, aliases and the matcher's re-run from the item and case pages, through the real host with antiforgery.</summary>
public sealed class LinkPageTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_link_added_on_the_case_page_shows_as_confirmed_on_both_pages()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);
        var form = await Page(client, "/cases/NUIT/31-24");
        Assert.Contains("<datalist id=\"elementkoder\">", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"HTO\">", form, StringComparison.Ordinal);

        var saved = await Text(await Forms.PostAsync(client, "/cases/NUIT/31-24", "/cases/NUIT/31-24?handler=Link",
            ("LinkInput.Item", "hto"), ("LinkInput.Note", "Godkjenningsordningen ble nevnt muntlig")));

        Assert.Contains("Saken er koblet til HTO Helseteknologiordningen og bekreftet.", saved, StringComparison.Ordinal);
        Assert.Matches(new Regex("<span class=\"code\">HTO</span> Helseteknologiordningen</a></td>\\s*<td>Bekreftet av token:test-Editor</td>"), saved);
        var item = await Page(client, "/initiatives/HTO");
        Assert.Matches(new Regex("id=\"sak-NUIT-31-24\"[\\s\\S]*?<span class=\"state\">Bekreftet</span>"), item);
        Assert.Contains("Godkjenningsordningen ble nevnt muntlig", item, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_added_on_the_item_page_is_confirmed_and_an_unknown_case_is_named_next_to_the_field()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);

        var unknown = await Text(await Forms.PostAsync(client, "/initiatives/HTO", "/initiatives/HTO?handler=LinkCase", ("LinkInput.Case", "NUIT 99/24")));
        Assert.Matches(FieldError("LinkInput.Case", "Finner ikke saken NUIT 99/24."), unknown);
        var malformed = await Text(await Forms.PostAsync(client, "/initiatives/HTO", "/initiatives/HTO?handler=LinkCase", ("LinkInput.Case", "sak 31")));
        Assert.Matches(FieldError("LinkInput.Case", "«sak 31» er ikke en sak. Skriv den som «NUIT 31/24»."), malformed);

        var saved = await Text(await Forms.PostAsync(client, "/initiatives/HTO", "/initiatives/HTO?handler=LinkCase", ("LinkInput.Case", "NUIT 31/24")));
        Assert.Contains("NUIT 31/24 er koblet til HTO og bekreftet.", saved, StringComparison.Ordinal);
        Assert.Matches(new Regex("id=\"sak-NUIT-31-24\"[\\s\\S]*?<span class=\"state\">Bekreftet</span>"), saved);
        Assert.Contains("Bekreftet av token:test-Editor", await Page(client, "/cases/NUIT/31-24"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_on_the_case_page_gets_the_closest_codes_next_to_the_field_and_nothing_is_linked()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);
        var before = await app.WithDbAsync(db => db.CaseLinks.CountAsync(Ct));

        var bad = await Text(await Forms.PostAsync(client, "/cases/NUIT/31-24", "/cases/NUIT/31-24?handler=Link", ("LinkInput.Item", "SMF")));

        Assert.Matches(FieldError("LinkInput.Item", "Finner ikke «SMF». Nærmeste koder: SFM"), bad);
        Assert.Contains("value=\"SMF\"", bad, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.CaseLinks.CountAsync(Ct)));
    }

    [Fact]
    public async Task Aliases_are_added_and_removed_on_the_item_page_and_a_refusal_is_shown_next_to_the_field()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);

        var common = await Text(await Forms.PostAsync(client, "/initiatives/SFM", "/initiatives/SFM?handler=Aliases", ("AliasInput.Add", "helse")));
        Assert.Matches(FieldError("AliasInput.Add", "«helse» er et vanlig ord"), common);
        var taken = await Text(await Forms.PostAsync(client, "/initiatives/SFM", "/initiatives/SFM?handler=Aliases", ("AliasInput.Add", "pasientens legemiddelliste")));
        Assert.Matches(FieldError("AliasInput.Add", "brukes av flere elementer"), taken);
        Assert.Equal(["SFM", "Sentral forskrivningsmodul"], await Aliases(app, "SFM"));

        var added = await Text(await Forms.PostAsync(client, "/initiatives/SFM", "/initiatives/SFM?handler=Aliases", ("AliasInput.Add", "forskrivningsmodulen")));
        Assert.Contains("Aliaset «forskrivningsmodulen» er lagt til for SFM.", added, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"AliasInput.Remove\" value=\"forskrivningsmodulen\">", added, StringComparison.Ordinal);

        var removed = await Text(await Forms.PostAsync(client, "/initiatives/SFM", "/initiatives/SFM?handler=Aliases", ("AliasInput.Remove", "forskrivningsmodulen")));
        Assert.Contains("Aliaset «forskrivningsmodulen» er fjernet for SFM.", removed, StringComparison.Ordinal);
        Assert.Equal(["SFM", "Sentral forskrivningsmodul"], await Aliases(app, "SFM"));
    }

    [Fact]
    public async Task Re_running_the_matcher_reports_how_many_suggestions_it_added()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);
        // Take away one suggestion; the re-run finds it again.
        var link = await app.WithDbAsync(db => db.CaseLinks.Where(l => l.Item!.Code == "SFM" && l.State == LinkState.Suggested).OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.CaseId }).FirstAsync(Ct));
        await app.WithDbAsync(db => db.CaseLinks.Where(l => l.Id == link.Id).ExecuteDeleteAsync(Ct));

        var page = await Text(await Forms.PostAsync(client, "/initiatives/SFM", "/initiatives/SFM?handler=Refresh"));

        Assert.Matches(new Regex("Koblingsforslagene er kjørt på nytt for \\d+ saker: 1 nye forslag, 0 oppdatert, 0 fjernet\\."), page);
        Assert.True(await app.WithDbAsync(db => db.CaseLinks.AnyAsync(l => l.Item!.Code == "SFM" && l.CaseId == link.CaseId && l.State == LinkState.Suggested, Ct)));
    }

    private static Task<List<string>> Aliases(PortfolioApp app, string code) =>
        app.WithDbAsync(db => db.RoadmapItems.Where(i => i.Code == code).Select(i => i.Aliases).SingleAsync(Ct));
}
