using System.Text.Json;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using Nuit.Portfolio.Tests.Meetings;

namespace Nuit.Portfolio.IntegrationTests.Meetings;

/// <summary>
/// The hidden check of issue 17 as a user runs it: an archived agenda with a damaged head imports with all its cases
/// once the user gives what the document cannot, and the same agenda as a Word file gives the same result.
/// </summary>
public sealed class ArchivedImportCliTests : IDisposable
{
    private readonly TestFolder _folder = new();

    // Constructed for the test in the shape of archived agendas: no year in the number, no date, the list on one line.
    private const string Agenda = """
         Møte i NUIT
        Møte 2/
        Sted Oslo
        Sak 12/19 Godkjenning av innkalling og dagsorden Godkjenning Sak 13/19 Orientering om porteføljen Orientering Sak 14/19 Prioritering av nasjonale tiltak 2020 Drøfting Sak 15/19 Eventuelt

        Sekretariatet minner om at dokumentene er offentlige.
        """;

    private Task<CliResult> Nuit(params string[] args) =>
        AppProcess.RunCliAsync(_folder.Path, [.. args, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData]);

    [Fact]
    public async Task A_damaged_agenda_is_refused_with_what_is_missing_then_imported_with_the_users_date()
    {
        var file = _folder.File("arkiv-2019.txt");
        await File.WriteAllTextAsync(file, Agenda, TestContext.Current.CancellationToken);

        var refused = await Nuit("import", file);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("Feil: arkiv-2019.txt, linje 2: Møte 2/2019: fant ikke datoen (ventet «Dato 27. mai 2019»). Ingenting er lagret. Oppgi det som mangler: "
            + "nuit import FIL --meeting 2/2019 --date 2019-05-27, eller feltene Møte og Dato i forhåndsvisningen på importsiden.", refused.Stderr.Trim());

        var preview = await Nuit("import", file, "--date", "2019-05-27", "--dry-run");
        Assert.Equal(0, preview.ExitCode);
        Assert.Contains("NUIT møte 2/2019 (2019-05-27, innkalling): opprettes, 4 saker", preview.Stdout, StringComparison.Ordinal);
        Assert.Contains("Tekst som ikke hører til noen sak:", preview.Stdout, StringComparison.Ordinal);
        Assert.Contains("arkiv-2019.txt, linje 6: Sekretariatet minner om at dokumentene er offentlige.", preview.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("2/2019", (await Nuit("meetings")).Stdout, StringComparison.Ordinal);

        var imported = await Nuit("import", file, "--meeting", "2/2019", "--date", "2019-05-27", "--format", "json");
        Assert.Equal(0, imported.ExitCode);
        var meeting = JsonDocument.Parse(imported.Stdout).RootElement.GetProperty("meetings")[0];
        Assert.Equal(("2/2019", "2019-05-27"), (meeting.GetProperty("number").GetString(), meeting.GetProperty("date").GetString()));
        Assert.Equal(["12/19 Godkjenning av innkalling og dagsorden", "13/19 Orientering om porteføljen", "14/19 Prioritering av nasjonale tiltak 2020", "15/19 Eventuelt"],
            meeting.GetProperty("cases").EnumerateArray().Select(c => $"{c.GetProperty("number").GetString()} {c.GetProperty("title").GetString()}"));

        // The same agenda as a Word file is the same document: importing it changes nothing.
        var docx = _folder.File("arkiv-2019.docx");
        await File.WriteAllBytesAsync(docx, WordDocuments.FromLines(Agenda.Split('\n')), TestContext.Current.CancellationToken);
        var again = await Nuit("import", docx, "--meeting", "2/2019", "--date", "2019-05-27");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("NUIT møte 2/2019 (2019-05-27, innkalling): uendret, 4 saker", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_meeting_number_names_the_field()
    {
        var file = _folder.File("arkiv.txt");
        await File.WriteAllTextAsync(file, Agenda, TestContext.Current.CancellationToken);
        var result = await Nuit("import", file, "--meeting", "to/2019");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Feil: Møte: «to/2019» er ikke et møtenummer; skriv det som 2/2019.", result.Stderr.Trim());
    }

    public void Dispose() => _folder.Dispose();
}
