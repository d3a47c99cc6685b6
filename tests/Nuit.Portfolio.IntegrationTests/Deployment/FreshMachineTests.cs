using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Deployment;

/// <summary>
/// The CLI and the web host as `dotnet publish` makes them, run from a folder outside the checkout, on a machine
/// that looks like one with only the .NET SDK: each command runs in a private mount namespace where libgdiplus
/// (if installed) is hidden and /usr/share/fonts is empty. So every main job must work without System.Drawing
/// and without a font package, with its seed data and chart font taken from the build itself.
/// </summary>
public sealed class FreshMachineTests(PublishedBuild build) : IClassFixture<PublishedBuild>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_published_CLI_runs_every_main_job_from_any_folder_without_native_graphics_or_fonts()
    {
        build.RequireSandbox();
        using var work = new TestFolder();
        var db = work.File("portfolio.db");
        async Task<CliResult> Nuit(params string[] args)
        {
            var result = await FreshMachine.RunAsync(work.Path, [Path.Combine(build.Cli, "nuit"), .. args, "--db", db]);
            // Every main job prints nothing on stderr when it succeeds: no warning, no log line, no stack trace.
            Assert.True(result.ExitCode == 0 && result.Stderr.Length == 0,
                $"nuit {string.Join(' ', args)} → {result.ExitCode}\nstderr: {result.Stderr}\nstdout: {result.Stdout}");
            return result;
        }

        Assert.Contains("49 nye oppføringer", (await Nuit("seed")).Stdout, StringComparison.Ordinal);
        var minutes = work.File("referat.txt");
        File.Copy(Path.Combine(RepoRoot.SeedData, "meetings", "nuit-2025-02-13-referat.txt"), minutes);
        await Nuit("import", minutes);

        await Nuit("report", "--quarter", "2025-Q1", "--out", work.File("rapport"));
        var reportWorkbook = Assert.Single(Directory.GetFiles(work.File("rapport"), "*.xlsx"));
        using (var zip = ZipFile.OpenRead(reportWorkbook))
            Assert.True(zip.Entries.Count(e => e.FullName.StartsWith("xl/media/", StringComparison.Ordinal) && e.Name.EndsWith(".png", StringComparison.Ordinal)) >= 2,
                "rapportens arbeidsbok skal ha diagrammene som bilder");
        var chart = Directory.GetFiles(work.File("rapport"), "*.png").OrderBy(f => f, StringComparer.Ordinal).First();
        Assert.True(new FileInfo(chart).Length > 5_000, "et diagram med tekst er mer enn noen få kilobyte");

        await Nuit("export", "indicators", "--out", work.File("indikatorer.xlsx"));
        await Nuit("export", "roadmap", "--out", work.File("veikart.xlsx"));
        await Nuit("plan", "new", "2026");
        await Nuit("plan", "diff", "2025", "2026", "--out", work.File("plan-diff.xlsx"));
        await Nuit("audit", "--export", work.File("logg.xlsx"));
        await Nuit("import-values", work.File("indikatorer.xlsx"));
        await Nuit("import-roadmap", work.File("veikart.xlsx"));

        // LibreOffice, as an analyst's other spreadsheet program, opens every workbook the jobs wrote.
        var soffice = LibreOffice.Find();
        Requires.That(soffice is not null, LibreOffice.Missing);
        foreach (var workbook in new[] { reportWorkbook, work.File("indikatorer.xlsx"), work.File("veikart.xlsx"), work.File("plan-diff.xlsx"), work.File("logg.xlsx") })
        {
            var csv = await LibreOffice.ToCsvAsync(soffice!, workbook, work.File("csv"), Ct);
            Assert.True(new FileInfo(csv).Length > 0, $"LibreOffice leste ingenting fra {Path.GetFileName(workbook)}");
        }
    }

    [Fact]
    public void The_published_build_carries_no_route_to_libgdiplus()
    {
        build.RequireSandbox();
        foreach (var folder in new[] { build.Cli, build.Web })
        {
            var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
            Assert.DoesNotContain("System.Drawing.Common.dll", files);
            Assert.DoesNotContain("ClosedXML.dll", files);
            Assert.Contains("DejaVuSans.ttf", Directory.GetFiles(Path.Combine(folder, "fonts")).Select(Path.GetFileName));
            Assert.True(File.Exists(Path.Combine(folder, "seed-data", "strategy.json")));
        }
    }

    [Fact]
    public async Task A_seeded_database_runs_without_the_seed_folder_and_an_empty_one_says_what_is_missing()
    {
        build.RequireSandbox();
        using var work = new TestFolder();
        // A copy of the published CLI without its seed-data folder.
        var cli = work.File("cli");
        CopyFolder(build.Cli, cli);
        var seeded = Path.Combine(work.Path, "seeded.db");
        Assert.Equal(0, (await FreshMachine.RunAsync(work.Path, [Path.Combine(build.Cli, "nuit"), "seed", "--db", seeded])).ExitCode);
        Directory.Delete(Path.Combine(cli, "seed-data"), recursive: true);

        var meetings = await FreshMachine.RunAsync(work.Path, [Path.Combine(cli, "nuit"), "meetings", "--db", seeded]);
        Assert.True(meetings.ExitCode == 0 && meetings.Stderr.Length == 0, meetings.Stderr);
        Assert.Contains("1/2025", meetings.Stdout, StringComparison.Ordinal);

        var empty = await FreshMachine.RunAsync(work.Path, [Path.Combine(cli, "nuit"), "meetings", "--db", work.File("tom.db")]);
        Assert.Equal(1, empty.ExitCode);
        Assert.Equal("Feil: Finner ikke mappen seed-data med strategy.json. Sett Database:SeedDataPath (eller --seed-data) til mappen.", empty.Stderr.Trim());
    }

    [Fact]
    public async Task The_published_web_host_starts_from_any_folder_on_its_own_seed_data()
    {
        build.RequireSandbox();
        using var work = new TestFolder();
        var port = WebServer.FreePort();
        var psi = FreshMachine.StartInfo(work.Path, [Path.Combine(build.Web, "Nuit.Portfolio.Web"), "--urls", $"http://127.0.0.1:{port}", "--Database:Path", work.DatabasePath]);
        using var host = Process.Start(psi)!;
        var output = host.StandardOutput.ReadToEndAsync(Ct);
        var errors = host.StandardError.ReadToEndAsync(Ct);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var healthy = false;
            for (var deadline = DateTime.UtcNow.AddSeconds(90); !healthy && DateTime.UtcNow < deadline && !host.HasExited; await Task.Delay(250, Ct))
            {
                try { healthy = (await http.GetAsync(new Uri("/health", UriKind.Relative), Ct)).StatusCode == HttpStatusCode.OK; }
                catch (HttpRequestException) { }
            }
            Assert.True(healthy, "tjenesten svarte ikke på /health innen 90 s");
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(Ct);
        }
        Assert.DoesNotContain("Exception", await output + await errors, StringComparison.Ordinal);

        var meetings = await FreshMachine.RunAsync(work.Path, [Path.Combine(build.Cli, "nuit"), "meetings", "--db", work.DatabasePath, "--format", "json"]);
        Assert.Contains("\"2025-02-13\"", meetings.Stdout, StringComparison.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }
}

/// <summary>Publishes the CLI and the web host once for the class, into a folder outside the checkout.</summary>
public sealed class PublishedBuild : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nuit-published", Guid.NewGuid().ToString("N"));

    public string Cli => Path.Combine(_root, "cli");
    public string Web => Path.Combine(_root, "web");

    private string? _problem;

    public async ValueTask InitializeAsync()
    {
        if (FreshMachine.Unavailable is { } reason) { _problem = reason; return; }
        foreach (var (project, output) in new[] { ("Nuit.Portfolio.Cli", Cli), ("Nuit.Portfolio.Web", Web) })
        {
            var result = await FreshMachine.RunAsync(RepoRoot.Path,
                ["dotnet", "publish", Path.Combine(RepoRoot.Path, "src", project), "-c", "Release", "-o", output, "--nologo", "-v", "q"], sandbox: false);
            if (result.ExitCode != 0) throw new InvalidOperationException($"dotnet publish {project}: {result.Stdout}\n{result.Stderr}");
        }
    }

    public void RequireSandbox() => Requires.That(_problem is null, _problem ?? "");

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Runs a command as on a fresh machine: a private mount namespace (root only, as on CI) where libgdiplus is
/// bound to /dev/null and /usr/share/fonts is an empty tmpfs. Nothing outside the command's process tree sees it.
/// </summary>
public static class FreshMachine
{
    private const string Script = """
        for lib in /usr/lib/*/libgdiplus.so* /usr/lib/libgdiplus.so* /usr/local/lib/libgdiplus.so*; do
          [ -e "$lib" ] && mount --bind /dev/null "$lib"
        done
        [ -d /usr/share/fonts ] && mount -t tmpfs -o size=1m tmpfs /usr/share/fonts
        exec "$@"
        """;

    public static string? Unavailable =>
        !OperatingSystem.IsLinux() ? "bare på Linux"
        : Environment.UserName != "root" ? "trenger root for et eget mount-navnerom (unshare -m), som CI har"
        : !File.Exists("/usr/bin/unshare") ? "unshare (util-linux) mangler"
        : null;

    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyList<string> command, bool sandbox = true)
    {
        var psi = new ProcessStartInfo(sandbox ? "/usr/bin/unshare" : command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        var args = sandbox ? ["-m", "/bin/sh", "-c", Script, "sh", .. command] : command.Skip(1);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        // A fresh machine has no settings for this app; tests' own environment must not leak in.
        psi.Environment.Remove("Database__Path");
        psi.Environment.Remove("Database__SeedDataPath");
        return psi;
    }

    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyList<string> command, bool sandbox = true)
    {
        using var process = Process.Start(StartInfo(workingDirectory, command, sandbox))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
