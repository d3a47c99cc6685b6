using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Nuit.Portfolio.IntegrationTests.Browser;

/// <summary>The service used with the keyboard only (issue 7): the skip link comes first, and decisions need no mouse.</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Tab_first_reaches_the_skip_link_and_a_link_decision_is_made_with_Tab_and_Enter()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/initiatives/SFM");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hopp til innholdet" })).ToBeFocusedAsync();

        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Bekreft NUIT 31/24" });
        // Tab through the page, as a keyboard user does, until the button has focus (a bound keeps a missing button from looping).
        for (var presses = 0; presses < 500 && !await confirm.EvaluateAsync<bool>("b => b === document.activeElement"); presses++)
            await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(confirm).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/initiatives/SFM"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("NUIT 31/24 er bekreftet for SFM");
        await Assertions.Expect(page.Locator("#sak-NUIT-31-24 .state")).ToHaveTextAsync("Bekreftet");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "09-tastatur.png"), FullPage = true });
    }
}
