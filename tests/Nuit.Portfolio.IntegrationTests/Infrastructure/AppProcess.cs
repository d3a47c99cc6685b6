using System.Diagnostics;

namespace Nuit.Portfolio.IntegrationTests.Infrastructure;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the real `nuit` executable (built beside the tests) as its own process.</summary>
public static class AppProcess
{
    public static Task<CliResult> RunCliAsync(string workingDirectory, params string[] args) =>
        RunDllAsync("nuit.dll", workingDirectory, args);

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
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
