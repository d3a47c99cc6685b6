using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.IntegrationTests.Access;
using Nuit.Portfolio.IntegrationTests.Deployment;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Faults;

/// <summary>
/// A full disk under the real CLI (issue 23 items 1 and 2): a small tmpfs in a private mount namespace (root only, as on
/// CI; see docs/faults.md). The command exits non-zero with one line on stderr and leaves nothing half-done.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<CliResult> Nuit(params string[] args) =>
        AppProcess.RunCliAsync(_folder.Path, [.. args, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData]);

    private static void NeedsPrivateMounts() =>
        Requires.That(FreshMachine.Unavailable is null, FreshMachine.Unavailable ?? "");

    [Fact]
    public async Task A_report_into_a_full_folder_leaves_no_file_and_stores_no_version()
    {
        NothingLostTests.SqliteFilesOnly();
        NeedsPrivateMounts();
        var before = await Nuit("report", "list", "--format", "json");
        Assert.True(before.ExitCode == 0, before.Stderr);
        var output = _folder.File("ut");
        Directory.CreateDirectory(output);
        var listing = _folder.File("ut.txt");

        // 1 MB, of which 800 KB are taken: the first files fit, the charts do not.
        var run = await InNamespaceAsync($"""
            mount -t tmpfs -o size=1m tmpfs "{output}"
            dd if=/dev/zero of="{output}/fyll" bs=1k count=800 2>/dev/null
            dotnet "$NUIT" report --quarter 2025-Q1 --out "{output}" --publish --db "{_folder.DatabasePath}" --seed-data "{RepoRoot.SeedData}"
            rc=$?
            ls -A "{output}" > "{listing}"
            exit $rc
            """);

        Assert.Equal(Outcomes.ExitFailed, run.ExitCode);
        Assert.Equal(StorageProblem.OutputDiskFull, OneLine(run.Stderr));
        Assert.Equal(["fyll"], File.ReadAllLines(listing));
        var after = await Nuit("report", "list", "--format", "json");
        Assert.Equal(before.Stdout, after.Stdout);
    }

    [Fact]
    public async Task An_import_onto_a_full_database_disk_prints_one_line_stores_nothing_and_works_once_there_is_room()
    {
        NothingLostTests.SqliteFilesOnly();
        NeedsPrivateMounts();
        Assert.Equal(0, (await Nuit("meetings")).ExitCode);  // migrated and seeded outside, so only the import meets the full disk
        SqliteConnection.ClearAllPools();
        var minutes = _folder.File("referat.txt");
        await File.WriteAllTextAsync(minutes, Minutes(400), TestContext.Current.CancellationToken);
        var disk = _folder.File("disk");
        Directory.CreateDirectory(disk);
        var db = Path.Combine(disk, "portfolio.db");
        var args = $"--db \"{db}\" --seed-data \"{RepoRoot.SeedData}\"";
        string Out(string name) => _folder.File(name);

        // Full but for 256 KB: the database opens (a disk with no byte left fails already there, with SQLite's I/O error),
        // the import's writes do not fit.
        var megabytes = new FileInfo(_folder.DatabasePath).Length / 1024 / 1024 + 4;
        var run = await InNamespaceAsync($"""
            mount -t tmpfs -o size={megabytes}m tmpfs "{disk}"
            cp "{_folder.DatabasePath}" "{db}"
            dd if=/dev/zero of="{disk}/fyll" bs=64k 2>/dev/null
            truncate -s -256K "{disk}/fyll"
            dotnet "$NUIT" import "{minutes}" {args} > "{Out("full.out")}" 2> "{Out("full.err")}"
            echo $? > "{Out("full.rc")}"
            cp "{db}" "{Out("etter-full.db")}"
            rm "{disk}/fyll"
            dotnet "$NUIT" import "{minutes}" {args} > "{Out("room.out")}" 2> "{Out("room.err")}"
            echo $? > "{Out("room.rc")}"
            cp "{db}" "{Out("etter.db")}"
            """);
        Assert.True(run.ExitCode == 0, run.Stderr);

        Assert.Equal("1", File.ReadAllText(Out("full.rc")).Trim());
        Assert.StartsWith("Feil: Disken databasen ligger på er full.", OneLine(File.ReadAllText(Out("full.err"))));
        Assert.Equal(Meetings(_folder.DatabasePath), Meetings(Out("etter-full.db")));
        Assert.True(File.ReadAllText(Out("room.rc")).Trim() == "0", File.ReadAllText(Out("room.err")));
        Assert.Equal("", File.ReadAllText(Out("room.err")));
        Assert.Equal(Meetings(_folder.DatabasePath) + 1, Meetings(Out("etter.db")));
    }

    [Fact]
    public async Task A_background_report_on_a_full_database_disk_fails_with_the_full_disk_named()
    {
        NothingLostTests.SqliteFilesOnly();
        NeedsPrivateMounts();
        var token = await AppProcess.CreateTokenAsync(_folder, "editor");  // migrated and seeded outside the small disk
        SqliteConnection.ClearAllPools();
        var disk = _folder.File("disk");
        Directory.CreateDirectory(disk);
        var port = WebServer.FreePort();
        var megabytes = new FileInfo(_folder.DatabasePath).Length / 1024 / 1024 + 4;

        // The web host on a disk full but for 256 KB: it starts, the report (charts and all) does not fit. One attempt,
        // so the test sees the final message without waiting for Hangfire's pauses.
        var psi = new ProcessStartInfo("/usr/bin/unshare") { WorkingDirectory = _folder.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-m", "/bin/sh", "-c", $"""
            mount -t tmpfs -o size={megabytes}m tmpfs "{disk}"
            cp "{_folder.DatabasePath}" "{disk}/portfolio.db"
            dd if=/dev/zero of="{disk}/fyll" bs=64k 2>/dev/null
            truncate -s -256K "{disk}/fyll"
            exec dotnet "{Path.Combine(AppContext.BaseDirectory, "Nuit.Portfolio.Web.dll")}" --urls http://127.0.0.1:{port} --Database:Path "{disk}/portfolio.db" --Database:SeedDataPath "{RepoRoot.SeedData}" --Reports:Enabled false --Work:MaxAttempts 1
            """ })
            psi.ArgumentList.Add(a);
        using var host = Process.Start(psi)!;
        var log = new StringBuilder();
        host.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        host.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var ct = TestContext.Current.CancellationToken;
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!await HealthyAsync(client))
            {
                Assert.False(host.HasExited || DateTime.UtcNow > deadline, $"tjenesten startet ikke:\n{log}");
                await Task.Delay(250, ct);
            }

            var started = await client.PostAsync(new Uri("/api/reports/jobs?quarter=2025-Q1", UriKind.Relative), null, ct);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
            System.Text.Json.JsonElement work;
            do
            {
                await Task.Delay(200, ct);
                work = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(started.Headers.Location!, ct);
                Assert.True(DateTime.UtcNow < deadline.AddMinutes(1), work.ToString());
            }
            while (!work.GetProperty("finished").GetBoolean());

            Assert.Equal("failed", work.GetProperty("state").GetString());
            Assert.Equal("Disken databasen ligger på er full. Ingenting er lagret. Gi beskjed til den som drifter tjenesten.", work.GetProperty("message").GetString());
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static async Task<bool> HealthyAsync(HttpClient client)
    {
        try
        {
            return (await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken)).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The whole of stderr is one line (no log lines, no trace before it); returns it without the «Feil: » for outputs.</summary>
    private static string OneLine(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, stderr);
        var line = lines[0].TrimEnd();
        return line.StartsWith("Feil: Disken filene", StringComparison.Ordinal) ? line["Feil: ".Length..] : line;
    }

    private static long Meetings(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Meetings";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>A meeting with many cases, so its import needs more room than a full disk has.</summary>
    private static string Minutes(int cases)
    {
        var text = new StringBuilder("Referat fra møte i NUIT\nMøte 6/2025\n\nDato 4. desember 2025\n\nSak Tittel på sak Sakstype\n\n");
        var numbers = Enumerable.Range(1, cases).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var n in numbers) text.Append($"{n}/25 Diskprøve {n} om kjernejournal og e-resept Orientering\n");
        text.Append("\nSak Tema\n\n");
        foreach (var n in numbers) text.Append($"{n}/25 Diskprøve {n} om kjernejournal og e-resept\n\n Direktoratet orienterte om SFM i sak {n}.\n\n Vedtak:\nNUIT tar saken til orientering.\n\n");
        return text.ToString();
    }

    /// <summary>Runs a shell script in its own mount namespace; $NUIT is the CLI built beside the tests.</summary>
    private async Task<CliResult> InNamespaceAsync(string script)
    {
        var psi = new ProcessStartInfo("/usr/bin/unshare")
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { "-m", "/bin/sh", "-c", script }) psi.ArgumentList.Add(a);
        psi.Environment["NUIT"] = Path.Combine(AppContext.BaseDirectory, "nuit.dll");
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
