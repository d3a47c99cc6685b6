using System.Text.Json;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Roadmap;

public sealed class RoadmapCliTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<CliResult> Nuit(params string[] args) =>
        AppProcess.RunCliAsync(_folder.Path, [.. args, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData]);

    [Fact]
    public async Task Sub_goals_initiatives_and_milestones_are_maintained_from_the_command_line()
    {
        var sub = await Nuit("subgoals", "add", "4A", "--goal", "M4", "--name", "Helsepersonell har tilgang til nødvendige opplysninger");
        Assert.True(sub.ExitCode == 0, sub.Stderr);
        var add = await Nuit("initiatives", "add", "SAMHANDLING", "--name", "Prøveordning Kvist", "--owner", "NHN", "--phase", "Nasjonal utvikling", "--subgoal", "4A");
        Assert.True(add.ExitCode == 0, add.Stderr);
        var edit = await Nuit("initiatives", "edit", "SAMHANDLING", "--phase", "Tilpasning", "--alias", "Kvist-ordningen,KVIST");
        Assert.True(edit.ExitCode == 0, edit.Stderr);
        Assert.Contains("fase Nasjonal utvikling → Tilpasning", edit.Stdout, StringComparison.Ordinal);
        var subEdit = await Nuit("subgoals", "edit", "4A", "--description", "Fra Plan for realisering 2025");
        Assert.True(subEdit.ExitCode == 0, subEdit.Stderr);

        var milestone = await Nuit("milestones", "add", "SAMHANDLING", "--name", "Pilot i to regioner", "--planned", "2026-05-01", "--format", "json");
        Assert.True(milestone.ExitCode == 0, milestone.Stderr);
        var id = JsonDocument.Parse(milestone.Stdout).RootElement.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var moved = await Nuit("milestones", "edit", id, "--forecast", "2026-10-01");
        Assert.True(moved.ExitCode == 0, moved.Stderr);
        var listed = await Nuit("milestones", "list", "SAMHANDLING");
        Assert.Contains("Pilot i to regioner (forsinket)", listed.Stdout, StringComparison.Ordinal);

        // «initiatives» without a subcommand still lists.
        var list = await Nuit("initiatives");
        Assert.Contains(list.Stdout.Split('\n'), l => l.StartsWith("SAMHANDLING", StringComparison.Ordinal) && l.Contains("Tilpasning", StringComparison.Ordinal) && l.Contains("4A", StringComparison.Ordinal));
        var history = await Nuit("changes", "SAMHANDLING", "--format", "json");
        Assert.Contains("\"field\": \"aliaser\"", history.Stdout, StringComparison.Ordinal);

        var retire = await Nuit("initiatives", "retire", "SAMHANDLING", "--reason", "test");
        Assert.True(retire.ExitCode == 0, retire.Stderr);
        Assert.DoesNotContain("SAMHANDLING", (await Nuit("initiatives")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_exits_2_with_the_reason_and_a_wrong_kind_or_unknown_code_exits_3()
    {
        var badCode = await Nuit("subgoals", "add", "2B", "--goal", "M1", "--name", "Feil");
        Assert.Equal(2, badCode.ExitCode);
        Assert.Contains("delmålkoden «2B» skal være målets nummer og en bokstav, f.eks. 1A", badCode.Stderr, StringComparison.Ordinal);
        var duplicate = await Nuit("initiatives", "add", "PLL", "--name", "Kopi");
        Assert.Equal(2, duplicate.ExitCode);
        var early = await Nuit("milestones", "add", "SFM", "--name", "Ferdig", "--planned", "2025-12-01", "--actual", "2023-01-01");
        Assert.Equal(2, early.ExitCode);
        Assert.Contains("mer enn 12 måneder før planlagt dato", early.Stderr, StringComparison.Ordinal);
        var wrongKind = await Nuit("subgoals", "edit", "SFM", "--name", "x");
        Assert.Equal(3, wrongKind.ExitCode);
        Assert.Contains("er tiltaket SFM, ikke delmålet", wrongKind.Stderr, StringComparison.Ordinal);
        var unknown = await Nuit("initiatives", "edit", "SMF", "--name", "x");
        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("Nærmeste koder: SFM", unknown.Stderr, StringComparison.Ordinal);
    }
}
