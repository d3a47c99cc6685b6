using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nuit.Portfolio.IntegrationTests.Infrastructure;

/// <summary>
/// The real service as its own process on 127.0.0.1 and a free port, on a database file in a test folder:
/// what a browser test talks to. Stopped and its folder removed on dispose.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private WebServer(Process process, string baseUrl, TestFolder folder)
    {
        _process = process;
        BaseUrl = baseUrl;
        Folder = folder;
    }

    public string BaseUrl { get; }
    public TestFolder Folder { get; }
    public string Log { get { lock (_log) return _log.ToString(); } }

    public static async Task<WebServer> StartAsync()
    {
        var folder = new TestFolder();
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "Nuit.Portfolio.Web.dll"),
                     "--urls", $"http://127.0.0.1:{port}",
                     "--Database:Path", folder.DatabasePath,
                     "--Database:SeedDataPath", RepoRoot.SeedData,
                 })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        var server = new WebServer(process, $"http://127.0.0.1:{port}", folder);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"Tjenesten stoppet (exit {process.ExitCode}):\n{server.Log}");
            try
            {
                if ((await http.GetAsync(new Uri($"{server.BaseUrl}/health"))).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"Tjenesten svarte ikke på /health innen 90 s:\n{server.Log}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Folder.Dispose();
    }
}
