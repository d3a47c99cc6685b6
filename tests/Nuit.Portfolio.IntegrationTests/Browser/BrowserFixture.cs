using Microsoft.Playwright;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Browser;

/// <summary>
/// One running service and one headless Debian Chromium for the browser tests. Playwright's bundled driver
/// works offline; its own browser download is never used. Without /usr/bin/chromium the tests skip locally
/// and fail on CI, where .ci/run installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public WebServer Server { get; private set; } = null!;
    public IBrowser? Browser { get; private set; }

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return;
        // Long work goes through its progress page (no waiting on the server) and takes a little while per step,
        // so the browser tests see the page a user sees for a big PDF or report.
        Server = await WebServer.StartAsync(null, "--Work:PageWait", "00:00:00", "--Work:StepDelayMilliseconds", "200");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        Directory.CreateDirectory(Screenshots);

        // Sign in once through the real sign-in page; every test's browser context starts with that cookie.
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUrl, Locale = "nb-NO" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Brukernavn").FillAsync("admin");
        await page.GetByLabel("Passord").FillAsync(WebServer.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        // The password hash and the first page take seconds on a busy two-core machine; 30 s was not always enough.
        await page.WaitForURLAsync(Server.BaseUrl + "/", new() { Timeout = 90_000 });
        _signedIn = await context.StorageStateAsync();
        await context.DisposeAsync();
    }

    private string? _signedIn;

    /// <param name="javaScript">False for a browser with scripts turned off: reading and the forms must work without.</param>
    /// <param name="signedIn">False for a browser that has not signed in (to sign in as someone else).</param>
    public async Task<IPage> NewPageAsync(bool javaScript = true, bool signedIn = true)
    {
        Requires.That(Browser is not null, $"Chromium finnes ikke på {ChromiumPath} (apt-get install -y chromium).");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl, Locale = "nb-NO", AcceptDownloads = true, StorageState = signedIn ? _signedIn : null, JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}
