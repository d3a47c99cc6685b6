using System.Diagnostics;

namespace Nuit.Portfolio.IntegrationTests.Infrastructure;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The process's peak resident memory (VmHWM) in KB, as last read before it exited.</summary>
    public long PeakKiloBytes { get; init; }
}

/// <summary>Runs the real `nuit` executable (built beside the tests) as its own process.</summary>
public static class AppProcess
{
    public static Task<CliResult> RunCliAsync(string workingDirectory, params string[] args) =>
        RunDllAsync("nuit.dll", workingDirectory, args);

    /// <summary>An API token made by `nuit tokens create` on the folder's database: the last line the command prints.</summary>
    public static async Task<string> CreateTokenAsync(TestFolder folder, string role, string? name = null)
    {
        var result = await RunCliAsync(folder.Path, ["tokens", "create", "--role", role, .. name is null ? [] : new[] { "--name", name }, "--db", folder.DatabasePath, "--seed-data", RepoRoot.SeedData]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.TrimEnd().Split('\n')[^1].Trim();
    }

    /// <summary>Runs an app built beside the tests (nuit.dll, Nuit.Portfolio.Web.dll) and waits for it to exit.</summary>
    public static async Task<CliResult> RunDllAsync(string dll, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // VmHWM only grows, so the last reading (at most 20 ms before the exit) is the peak up to then.
        var exited = process.WaitForExitAsync(timeout.Token);
        long peak = 0;
        while (!exited.IsCompleted)
        {
            peak = Math.Max(peak, PeakKiloBytes(process.Id));
            await Task.WhenAny(exited, Task.Delay(20, timeout.Token));
        }
        await exited;
        return new CliResult(process.ExitCode, await stdout, await stderr) { PeakKiloBytes = peak };
    }

    /// <summary>A running process's peak resident memory in KB (/proc/PID/status, VmHWM); 0 once it has gone.</summary>
    public static long PeakKiloBytes(int processId)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
