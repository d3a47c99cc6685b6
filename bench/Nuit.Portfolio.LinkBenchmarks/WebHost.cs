using System.Diagnostics;

namespace Nuit.Portfolio.LinkBenchmarks;

/// <summary>The real web host, started as its own process on 127.0.0.1 against the benchmark database, stopped on dispose.</summary>
public sealed class WebHost : IDisposable
{
    private readonly Process _process;

    private WebHost(Process process) => _process = process;

    public static async Task<WebHost> StartAsync(Options options)
    {
        if (!File.Exists(options.WebDll))
            throw new FileNotFoundException($"Finner ikke {options.WebDll}. Bygg først: dotnet build -c Release src/Nuit.Portfolio.Web");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { options.WebDll, "--urls", $"http://127.0.0.1:{options.Port}", "--Database:Path", options.Db, "--Database:Seed", "false", "--Logging:LogLevel:Default", "Warning",
                     // A fresh register has no report for the last quarter, and the host would render one at start,
                     // in the background, while the API is measured: 52 charts on the same two cores. Not the API's cost.
                     "--Reports:CatchUpAtStart", "false" })
            psi.ArgumentList.Add(a);
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
            if (process.HasExited) throw new InvalidOperationException($"Webtjenesten stoppet med kode {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{options.Port}/health")).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        host.Dispose();
        throw new TimeoutException("Webtjenesten svarte ikke på /health innen 60 s.");
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
