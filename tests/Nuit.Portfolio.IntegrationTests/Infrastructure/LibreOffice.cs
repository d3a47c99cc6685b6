using System.Diagnostics;

namespace Nuit.Portfolio.IntegrationTests.Infrastructure;

/// <summary>LibreOffice as an analyst's other spreadsheet program and the secretariat's other word processor: it must open what the service writes.</summary>
public static class LibreOffice
{
    public const string Missing = "LibreOffice (soffice) er ikke installert (Debian: libreoffice-calc --no-install-recommends).";

    public static string? Find() =>
        new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);

    public const string WriterMissing = "LibreOffice Writer er ikke installert (Debian: libreoffice-writer --no-install-recommends).";

    /// <summary>soffice when Writer is installed too (Calc alone cannot open a Word document).</summary>
    public static string? FindWriter() =>
        Find() is { } soffice && File.Exists(Path.Combine(Path.GetDirectoryName(ResolveLink(soffice))!, "libswlo.so")) ? soffice : null;

    private static string ResolveLink(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    /// <summary>Runs soffice headless with its own profile folder, so a LibreOffice the user has open does not swallow the conversion.</summary>
    public static async Task RunAsync(string soffice, string profileFolder, CancellationToken ct, params string[] args)
    {
        var psi = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--headless", "--norestore", $"-env:UserInstallation=file://{profileFolder}/lo-profile" }.Concat(args)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.StandardOutput.ReadToEndAsync(ct);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(timeout.Token);
        Assert.True(p.ExitCode == 0, $"soffice avsluttet med {p.ExitCode}: {await stderr}");
    }

    /// <summary>The workbook's first sheet as CSV in <paramref name="outFolder"/>; returns the CSV's path.</summary>
    public static async Task<string> ToCsvAsync(string soffice, string workbook, string outFolder, CancellationToken ct)
    {
        await RunAsync(soffice, outFolder, ct, "--convert-to", "csv", "--outdir", outFolder, workbook);
        var csv = Path.Combine(outFolder, Path.GetFileNameWithoutExtension(workbook) + ".csv");
        Assert.True(File.Exists(csv), $"LibreOffice åpnet ikke {Path.GetFileName(workbook)}");
        return csv;
    }
}
