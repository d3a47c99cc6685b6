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
        Server = await WebServer.StartAsync();
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
    }

    public async Task<IPage> NewPageAsync()
    {
        Requires.That(Browser is not null, $"Chromium finnes ikke på {ChromiumPath} (apt-get install -y chromium).");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUrl, Locale = "nb-NO", AcceptDownloads = true });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}
