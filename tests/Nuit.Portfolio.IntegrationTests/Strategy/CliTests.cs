using System.Diagnostics;
using System.Text.Json;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Strategy;

public sealed class CliTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<CliResult> Nuit(params string[] args) =>
        AppProcess.RunCliAsync(_folder.Path, [.. args, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData]);

    [Fact]
    public async Task Initiatives_as_json_is_only_json_on_stdout()
    {
        var result = await Nuit("initiatives", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var list = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(13, list.Count);
        var pll = Assert.Single(list, i => i.GetProperty("code").GetString() == "PLL");
        Assert.Equal("Pasientens legemiddelliste", pll.GetProperty("name").GetString());
        Assert.Equal("Helsedirektoratet", pll.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Goals_prints_a_table_with_norwegian_letters()
    {
        var result = await Nuit("goals");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.StartsWith("Kode", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("M1", StringComparison.Ordinal) && l.Contains("Aktiv medvirkning i egen og næres helse", StringComparison.Ordinal) && l.Contains("1A, 1B", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("M5", StringComparison.Ordinal) && l.Contains("gjennomføringskraft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_reports_nothing_new_the_second_time()
    {
        var first = await Nuit("seed", "--format", "json");
        var second = await Nuit("seed");

        Assert.Equal(0, first.ExitCode);
        // 46 strategy entries and the 2 meeting documents.
        Assert.Equal(49, JsonDocument.Parse(first.Stdout).RootElement.GetProperty("added").GetInt32());
        Assert.Equal(0, second.ExitCode);
        Assert.Contains(": 0 nye oppføringer", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_seed_and_import_print_nothing_on_stderr()
    {
        var seed = await Nuit("seed");
        var import = await Nuit("import", Path.Combine(RepoRoot.SeedData, "meetings", "nuit-2025-02-13-referat.txt"));

        Assert.Equal((0, ""), (seed.ExitCode, seed.Stderr));
        Assert.Equal((0, ""), (import.ExitCode, import.Stderr));
    }

    [Fact]
    public async Task An_unexpected_fault_is_one_line_in_bokmal_with_where_the_details_are_and_exit_1()
    {
        var result = await AppProcess.RunCliAsync(_folder.Path, "goals", "--provider", "Postgres", "--connection", "ikke en tilkoblingsstreng");
        var verbose = await AppProcess.RunCliAsync(_folder.Path, "goals", "--provider", "Postgres", "--connection", "ikke en tilkoblingsstreng", "--verbose");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Feil: Noe uventet gikk galt", line, StringComparison.Ordinal);
        Assert.Contains("nuit-", line, StringComparison.Ordinal);
        Assert.Contains("--verbose", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", verbose.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_seed_file_names_file_and_field_and_exits_2()
    {
        var seed = Path.Combine(_folder.Path, "seed-data");
        Directory.CreateDirectory(seed);
        await File.WriteAllTextAsync(Path.Combine(seed, "strategy.json"), """
            { "strategy": { "name": "S", "firstYear": 2023, "lastYear": 2030 },
              "goals": [ { "code": "M1", "name": "Mål", "subGoals": [ { "code": "2A", "name": "Feil" } ] } ] }
            """, TestContext.Current.CancellationToken);

        var result = await AppProcess.RunCliAsync(_folder.Path, "seed", "--db", _folder.DatabasePath, "--seed-data", seed);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("strategy.json, felt goals[0].subGoals[0].code: delmålkoden «2A»", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task A_read_only_data_folder_gives_a_clear_message()
    {
        var folder = Path.Combine(_folder.Path, "readonly");
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, "portfolio.db");
        await MakeReadOnly(folder, true);
        try
        {
            var result = await AppProcess.RunCliAsync(_folder.Path, "goals", "--db", db, "--seed-data", RepoRoot.SeedData);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"Datamappen {folder} er skrivebeskyttet", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await MakeReadOnly(folder, false);
        }
    }

    [Fact]
    public async Task An_unknown_command_fails()
    {
        var result = await Nuit("finnes-ikke");
        Assert.NotEqual(0, result.ExitCode);
    }

    /// <summary>Root ignores file modes, so as root the folder is made immutable instead (chattr).</summary>
    private static async Task MakeReadOnly(string folder, bool readOnly)
    {
        if (Environment.UserName != "root" && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, readOnly
                ? UnixFileMode.UserRead | UnixFileMode.UserExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }
        using var p = Process.Start(new ProcessStartInfo("chattr", [readOnly ? "+i" : "-i", folder]) { RedirectStandardError = true })!;
        await p.WaitForExitAsync();
        Requires.That(p.ExitCode == 0, $"chattr virker ikke her ({await p.StandardError.ReadToEndAsync()}), så en skrivebeskyttet mappe kan ikke lages som root.");
    }
}
