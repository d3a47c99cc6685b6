using System.Diagnostics;

namespace Nuit.Portfolio.LinkBenchmarks;

/// <summary>
/// A server in its own process on 127.0.0.1, stopped on dispose: the real web host against the benchmark database, or
/// the anchor (Kestrel answering a fixed body, this harness started with <c>--serve-fixed</c>). Both are reached the same
/// way, from another process over loopback, so neither ratio side is spared the hand-over between processes.
/// </summary>
public sealed class WebHost : IDisposable
{
    private readonly Process _process;

    private WebHost(Process process) => _process = process;

    public static Task<WebHost> StartAsync(Options options)
    {
        if (!File.Exists(options.WebDll))
            throw new FileNotFoundException($"Finner ikke {options.WebDll}. Bygg først: dotnet build -c Release src/Nuit.Portfolio.Web");
        return StartAsync($"http://127.0.0.1:{options.Port}/health", options.WebDll, "--urls", $"http://127.0.0.1:{options.Port}", "--Database:Path", options.Db,
            "--Database:Seed", "false", "--Logging:LogLevel:Default", "Warning",
            // A fresh register has no report for the last quarter, and the host would render one at start,
            // in the background, while the API is measured: 52 charts on the same two cores. Not the API's cost.
            "--Reports:CatchUpAtStart", "false");
    }

    /// <summary>The anchor: this harness's own assembly serving <see cref="Anchors.StartFixedAsync"/> in a process of its own.</summary>
    public static Task<WebHost> StartFixedAsync(int port) =>
        StartAsync($"http://127.0.0.1:{port}/fixed/2", typeof(WebHost).Assembly.Location, Anchors.ServeFixedArgument, port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<WebHost> StartAsync(string readyUrl, params string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        // Drain its output so a full pipe never blocks the host.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new WebHost(process);
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{arguments[0]} stoppet med kode {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync(readyUrl)).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        host.Dispose();
        throw new TimeoutException($"{readyUrl} svarte ikke innen 60 s.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
