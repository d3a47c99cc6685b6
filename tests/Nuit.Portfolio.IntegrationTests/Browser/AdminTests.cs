using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace Nuit.Portfolio.IntegrationTests.Browser;

/// <summary>An administrator gives a colleague access and makes a token for monitoring, in the browser.</summary>
public sealed class AdminTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });

    [Fact]
    public async Task A_new_editor_gets_a_one_time_password_chooses_her_own_and_sees_no_administration()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Administrasjon" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Brukere", Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Brukernavn").FillAsync("kari.nordmann");
        await page.GetByLabel("Rolle", new() { Exact = true }).SelectOptionAsync("Editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Legg til med engangspassord" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Engangspassord for kari.nordmann" })).ToBeVisibleAsync();
        var oneTime = (await page.Locator("code.secret").TextContentAsync())!.Trim();
        Assert.True(oneTime.Length >= 10, oneTime);
        await Shot(page, "10-ny-bruker");

        // Kari signs in with it in her own browser, must choose her own password, and is an editor without administration.
        var kari = await fixture.NewPageAsync(signedIn: false);
        await kari.GotoAsync("/");
        await kari.GetByLabel("Brukernavn").FillAsync("kari.nordmann");
        await kari.GetByLabel("Passord").FillAsync(oneTime);
        await kari.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await kari.GetByLabel("Nåværende passord").FillAsync(oneTime);
        await kari.GetByLabel("Nytt passord (minst 10 tegn)").FillAsync("karis-eget-passord-1");
        await kari.GetByLabel("Gjenta nytt passord").FillAsync("karis-eget-passord-2");
        await kari.GetByRole(AriaRole.Button, new() { Name = "Bytt passord" }).ClickAsync();
        await Assertions.Expect(kari.GetByRole(AriaRole.Alert)).ToContainTextAsync("er ulike. Passordet er ikke byttet");
        await kari.GetByLabel("Nåværende passord").FillAsync(oneTime);
        await kari.GetByLabel("Nytt passord (minst 10 tegn)").FillAsync("karis-eget-passord-1");
        await kari.GetByLabel("Gjenta nytt passord").FillAsync("karis-eget-passord-1");
        await kari.GetByRole(AriaRole.Button, new() { Name = "Bytt passord" }).ClickAsync();
        await Assertions.Expect(kari.GetByRole(AriaRole.Link, new() { Name = "Import" })).ToBeVisibleAsync();
        await Assertions.Expect(kari.GetByRole(AriaRole.Link, new() { Name = "Administrasjon" })).ToHaveCountAsync(0);

        // Disabled by the administrator: her next click lands on the sign-in page.
        await page.GotoAsync("/admin/users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deaktiver kari.nordmann" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "kari.nordmann" }) }))
            .ToContainTextAsync("deaktivert");
        await kari.GotoAsync("/meetings");
        await Assertions.Expect(kari.GetByRole(AriaRole.Button, new() { Name = "Logg inn" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_token_made_on_the_tokens_page_is_shown_once_works_and_stops_working_when_revoked()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/admin/tokens");
        await page.GetByLabel("Hva tokenet brukes til").FillAsync("overvåking-nettleser");
        await page.GetByLabel("Rolle", new() { Exact = true }).SelectOptionAsync("Reader");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lag token" }).ClickAsync();
        var token = (await page.Locator("code.secret").TextContentAsync())!.Trim();
        await Shot(page, "11-nytt-token");

        using var http = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/meetings", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        await page.GotoAsync("/admin/tokens");
        Assert.Equal(0, await page.Locator("code.secret").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Tilbakekall overvåking-nettleser" }).ClickAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/api/meetings", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }
}
