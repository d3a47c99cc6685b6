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

    private readonly bool _ownsFolder;

    private WebServer(Process process, string baseUrl, TestFolder folder, bool ownsFolder)
    {
        _ownsFolder = ownsFolder;
        _process = process;
        BaseUrl = baseUrl;
        Folder = folder;
    }

    /// <summary>The first admin's password: the browser tests sign in with it through the real sign-in page.</summary>
    public const string AdminPassword = PortfolioApp.AdminPassword;

    public string BaseUrl { get; }
    public TestFolder Folder { get; }
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>The service process's peak resident memory so far, in KB (VmHWM).</summary>
    public long PeakKiloBytes => AppProcess.PeakKiloBytes(_process.Id);

    /// <param name="folder">A folder (and database) to start on, e.g. one a killed server left; by default a new one.</param>
    /// <param name="settings">More command-line settings, e.g. <c>--Work:StepDelayMilliseconds 300</c>.</param>
    public static async Task<WebServer> StartAsync(TestFolder? folder = null, params string[] settings)
    {
        var ownsFolder = folder is null;
        folder ??= new TestFolder();
        // A server told to use PostgreSQL never opens the folder's SQLite file: no copy for it.
        if (!settings.Contains("--Database:Provider")) SeededDatabase.ProvideSqliteAt(folder.DatabasePath);
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
                     "--Auth:InitialAdminPassword", AdminPassword,
                 }.Concat(settings))
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        var server = new WebServer(process, $"http://127.0.0.1:{port}", folder, ownsFolder);
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

    /// <summary>A client for this server that sends an API token, e.g. from <see cref="AppProcess.CreateTokenAsync"/>.</summary>
    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the service at once, as a crash or power cut would, and keeps its folder for a restart.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (_ownsFolder) Folder.Dispose();
    }
}
