using Microsoft.Playwright;

namespace Nuit.Portfolio.IntegrationTests.Browser;

/// <summary>
/// The pages a secretary reads answer first (issue 19): what touched an item is on the first screen of a laptop,
/// and the editing tools fold away under «Endre», for editors only.
/// </summary>
public sealed class SecretaryPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_cases_that_touched_SFM_start_on_the_first_screen_of_a_laptop_and_the_forms_are_folded()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/initiatives/SFM");

        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Saker som berørte SFM" });
        var box = await heading.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height < 900, $"«Saker som berørte SFM» står {box.Y:0} px ned på en skjerm som er 900 px høy");
        await Assertions.Expect(page.Locator("#saker")).ToContainTextAsync("Til vurdering:");

        // The forms are there for an editor, but folded: the status form is hidden until «Endre» is opened.
        var statusButton = page.GetByRole(AriaRole.Button, new() { Name = "Registrer status" });
        await Assertions.Expect(statusButton).ToBeHiddenAsync();
        await page.Locator("#endre > summary").ClickAsync();
        await Assertions.Expect(statusButton).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Endringshistorikk" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_suggestion_says_it_waits_for_a_person_and_why_it_was_made()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/initiatives/SFM");
        var cases = page.Locator("#saker");
        await Assertions.Expect(cases.Locator(".state", new() { HasText = "Forslag – venter på vurdering" }).First).ToBeVisibleAsync();
        await Assertions.Expect(cases).Not.ToContainTextAsync("styrke");
        // Why: the phrase the matcher found, marked in the passage it stands in.
        await Assertions.Expect(page.Locator("#sak-NUIT-31-24 .why")).ToContainTextAsync("Foreslått fordi sakspapirene nevner");
        await Assertions.Expect(page.Locator("#sak-NUIT-31-24 .evidence mark").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(SFM|sentral forskrivningsmodul)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task An_editor_works_through_the_review_queue_with_Enter_alone()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var before = await Count(page);
        Assert.True(before >= 2, $"Til vurdering: {before}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Til vurdering: {before}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Koblinger til vurdering" })).ToBeVisibleAsync();

        // Tab to the first «Bekreft» as a keyboard user does; from then on focus lands on the next suggestion by itself.
        var first = page.Locator("#forslag-0 button[value=confirm]");
        for (var presses = 0; presses < 100 && !await first.EvaluateAsync<bool>("b => b === document.activeElement"); presses++)
            await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(first).ToBeFocusedAsync();
        var firstName = (await first.TextContentAsync())!.Replace("Bekreft ", "", StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("er bekreftet for");
        await Assertions.Expect(page.Locator(".queue-count")).ToContainTextAsync($"Til vurdering: {before - 1}");
        await Assertions.Expect(page.Locator("#forslag-0 button[value=confirm]")).ToBeFocusedAsync();
        Assert.NotEqual(firstName, (await page.Locator("#forslag-0 button[value=confirm]").TextContentAsync())!.Replace("Bekreft ", "", StringComparison.Ordinal));

        // Tab moves to «Avvis» of the same suggestion; Enter rejects it and the queue shrinks again.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#forslag-0 button[value=reject]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("er avvist for");
        await Assertions.Expect(page.Locator(".queue-count")).ToContainTextAsync($"Til vurdering: {before - 2}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Til vurdering: {before - 2}" })).ToBeVisibleAsync();
    }

    private static async Task<int> Count(IPage page)
    {
        var text = await page.Locator("header nav a[href='/links/review']").TextContentAsync();
        return int.Parse(text!.Replace("Til vurdering:", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
