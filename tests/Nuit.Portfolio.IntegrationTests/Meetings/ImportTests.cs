using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using Nuit.Portfolio.Tests.Meetings;

namespace Nuit.Portfolio.IntegrationTests.Meetings;

public sealed class ImportTests : IDisposable
{
    private const string September = "nuit-2024-09-05-innkalling-med-vedlegg.txt";
    private const string February = "nuit-2025-02-13-referat.txt";
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static byte[] Seed(string name) => File.ReadAllBytes(Path.Combine(RepoRoot.SeedData, "meetings", name));

    /// <summary>An empty register (no seed) so each test imports the documents itself.</summary>
    private PortfolioApp EmptyApp() => new(_folder.DatabasePath, seed: false);

    private static Task<ImportReport> Import(PortfolioApp app, string name, byte[]? content = null, bool dryRun = false) =>
        app.SendAsync(new ImportDocument(name, content ?? Seed(name), dryRun));

    [Fact]
    public async Task One_file_yields_the_agenda_meeting_and_the_attached_minutes_of_the_previous_one()
    {
        await using var app = EmptyApp();
        var report = await Import(app, September);

        Assert.Equal(["3/2024", "2/2024"], report.Meetings.Select(m => m.Number));
        Assert.All(report.Meetings, m => Assert.Equal("created", m.Status));
        var meetings = await app.SendAsync(new ListMeetings());
        var sept = Assert.Single(meetings, m => m.Number == "3/2024");
        Assert.Equal(new DateOnly(2024, 9, 5), sept.Date);
        Assert.True(sept.HasAgenda);
        var may = Assert.Single(meetings, m => m.Number == "2/2024");
        Assert.Equal(new DateOnly(2024, 5, 15), may.Date);
        Assert.True(may.HasMinutes);

        var numbers = await app.WithDbAsync(db => db.Cases.Where(c => c.Meeting!.Number == "3/2024").OrderBy(c => c.Sequence).Select(c => c.Number).ToListAsync());
        Assert.Equal(Enumerable.Range(28, 11).Select(n => $"{n}/24"), numbers);
        numbers = await app.WithDbAsync(db => db.Cases.Where(c => c.Meeting!.Number == "2/2024").OrderBy(c => c.Sequence).Select(c => c.Number).ToListAsync());
        Assert.Equal(Enumerable.Range(15, 13).Select(n => $"{n}/24"), numbers);
    }

    [Fact]
    public async Task The_2025_minutes_give_meeting_1_2025_with_cases_1_to_11()
    {
        await using var app = EmptyApp();
        var report = await Import(app, February);

        var meeting = Assert.Single(report.Meetings);
        Assert.Equal(("NUIT", "1/2025", new DateOnly(2025, 2, 13), "minutes"), (meeting.Body, meeting.Number, meeting.Date, meeting.Kind));
        Assert.Equal(Enumerable.Range(1, 11).Select(n => $"{n}/25"), meeting.Cases.Select(c => c.Number));
        // The stray "Onsdag 24. januar 2024" line is not taken for a meeting or its date.
        Assert.Single(await app.SendAsync(new ListMeetings()));
    }

    [Fact]
    public async Task Cases_keep_types_decisions_inputs_action_points_and_earlier_treatments()
    {
        await using var app = EmptyApp();
        await Import(app, September);
        await Import(app, February);

        var c31 = await app.SendAsync(new GetCase("NUIT 31/24"));
        Assert.Equal("Plan for realisering av Nasjonal e-helsestrategi 2025", c31.Title);
        Assert.Equal("Drøfting", c31.Type);
        Assert.Equal(new TimeOnly(9, 45), c31.TimeSlot);
        Assert.StartsWith("NUIT stiller seg bak plan for realisering av e-helsestrategien 2025", c31.ProposedDecision, StringComparison.Ordinal);
        Assert.Equal("Lucie Aunan", c31.Owner);
        Assert.Equal(["NUIT 35/23", "NUIT 52/23"], c31.References.Select(r => r.Case));
        Assert.Contains(c31.Sections, s => s.Kind == "Hensikt med saken" && s.Document == September && s.FirstLine > 0);

        var c32 = await app.SendAsync(new GetCase("NUIT 32/24"));
        Assert.Equal(["Norunn Saure", "Thor Steffensen", "Per Ludvig Skjerven"], c32.Officers);
        Assert.Equal(
            [("NUFA 14/24", (DateOnly?)new DateOnly(2024, 4, 24)), ("NUFA 7/24", new DateOnly(2024, 1, 24)), ("Nasjonalt e-helseråd 37/23", new DateOnly(2023, 12, 14))],
            c32.References.Select(r => (r.Case, r.Date)));

        var c19 = await app.SendAsync(new GetCase("NUIT 19/24"));
        Assert.Equal("Måtte utgå", c19.Type);
        Assert.Null(c19.Decision);

        var c23 = await app.SendAsync(new GetCase("NUIT 23/24"));
        Assert.True(c23.DecisionUpdated);
        Assert.StartsWith("NUIT drøftet målbildet, og de foreløpige anbefalingene til prioritering i perioden 2024-2027.", c23.Decision, StringComparison.Ordinal);
        Assert.Equal(11, c23.Inputs.Count);

        var c3 = await app.SendAsync(new GetCase("NUIT 3/25"));
        Assert.Equal("Orientering", c3.Type);
        Assert.Equal(13, c3.Inputs.Count);
        Assert.StartsWith("NUIT bekreftet at helsesektoren er utålmodige", c3.Inputs[0], StringComparison.Ordinal);
        var action = Assert.Single(c3.ActionPoints);
        Assert.StartsWith("Sak i NUIT hvor NUIT utfordrer seg selv", action.Text, StringComparison.Ordinal);
        Assert.Equal("open", action.Status);
        Assert.Equal("NUIT tar saken til orientering.", c3.Decision);

        var c4 = await app.SendAsync(new GetCase("nuit 4/25"));
        Assert.StartsWith("Oslo kommune, Bergen kommune og Helse Sør-Øst RHF ble utfordret", Assert.Single(c4.ActionPoints).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_document_again_changes_nothing()
    {
        await using var app = EmptyApp();
        await Import(app, September);
        var before = await Snapshot(app);

        var again = await Import(app, September);

        Assert.All(again.Meetings, m => Assert.Equal("unchanged", m.Status));
        Assert.All(again.Meetings, m => Assert.Empty(m.Changes));
        // The report still describes what the document contains.
        Assert.Equal(11, again.Meetings[0].Cases.Count);
        Assert.Equal(before, await Snapshot(app));
        var records = await app.WithDbAsync(db => db.ImportRecords.OrderBy(r => r.Id).Select(r => r.Result).ToListAsync());
        Assert.Equal([ImportResult.Created, ImportResult.Unchanged], records);
        Assert.Equal(1, await app.WithDbAsync(db => db.SourceDocuments.CountAsync()));
    }

    [Fact]
    public async Task Minutes_of_a_meeting_merge_into_the_cases_its_agenda_created()
    {
        await using var app = EmptyApp();
        await Import(app, September);
        var id = await app.WithDbAsync(db => db.Cases.Where(c => c.Number == "31/24").Select(c => c.Id).SingleAsync());

        var minutes = """
            Referat fra møte i NUIT
            Møte 3/2024

            Dato 5. september 2024

            Tid 09:00 – 16:00

            Sted Helsedirektoratet, Verkstedveien 1, Oslo

            Sak Tittel på sak Sakstype

            31/24 Plan for realisering av Nasjonal e-helsestrategi 2025 Drøfting

            Sak Tema

            31/24 Plan for realisering av Nasjonal e-helsestrategi 2025

             Helsedirektoratet presenterte forslaget til plan for realisering 2025.

            Innspill:

            • Endringene i veikartet for SFM må forklares bedre.

            • Indikatorene bør følges opp hvert kvartal.

            Aksjonspunkt:

            • Helsedirektoratet sender oppdatert plan til NUIT.

             Vedtak:
            NUIT stiller seg bak plan for realisering av e-helsestrategien 2025.
            """;
        var report = await Import(app, "referat-3-2024.txt", Encoding.UTF8.GetBytes(minutes));

        var meeting = Assert.Single(report.Meetings);
        Assert.Equal("updated", meeting.Status);
        Assert.Contains("referat lagt til", meeting.Changes);
        var c31 = await app.SendAsync(new GetCase("NUIT 31/24"));
        Assert.Equal(id, await app.WithDbAsync(db => db.Cases.Where(c => c.Number == "31/24").Select(c => c.Id).SingleAsync()));
        Assert.StartsWith("NUIT stiller seg bak plan for realisering av e-helsestrategien 2025, med fremlagt", c31.ProposedDecision, StringComparison.Ordinal);
        Assert.Equal("NUIT stiller seg bak plan for realisering av e-helsestrategien 2025.", c31.Decision);
        Assert.Equal(["Endringene i veikartet for SFM må forklares bedre.", "Indikatorene bør følges opp hvert kvartal."], c31.Inputs);
        Assert.Equal("Helsedirektoratet sender oppdatert plan til NUIT.", Assert.Single(c31.ActionPoints).Text);
        // The cover note from the agenda file is still there.
        Assert.Equal("Lucie Aunan", c31.Owner);
        Assert.Contains(c31.Sections, s => s.Kind == "Hensikt med saken");
        Assert.Contains(c31.Sections, s => s.Kind == "Referat" && s.Document == "referat-3-2024.txt");
        var flags = await app.WithDbAsync(db => db.Meetings.Where(m => m.Number == "3/2024").Select(m => new { m.HasAgenda, m.HasMinutes }).SingleAsync());
        Assert.True(flags.HasAgenda && flags.HasMinutes);
    }

    [Fact]
    public async Task A_corrected_document_updates_the_case_and_records_what_changed()
    {
        await using var app = EmptyApp();
        await Import(app, February);
        var text = Encoding.UTF8.GetString(Seed(February));
        var corrected = text.Replace("NUIT tar saken til orientering.", "NUIT tar saken til orientering og ber om en ny status i juni.", StringComparison.Ordinal);
        Assert.NotEqual(text, corrected);

        var report = await Import(app, "nuit-2025-02-13-referat-korrigert.txt", Encoding.UTF8.GetBytes(corrected));

        var meeting = Assert.Single(report.Meetings);
        Assert.Equal("updated", meeting.Status);
        Assert.Contains(meeting.Changes, c => c.StartsWith("3/25: vedtak", StringComparison.Ordinal));
        Assert.Equal("NUIT tar saken til orientering og ber om en ny status i juni.", (await app.SendAsync(new GetCase("NUIT 3/25"))).Decision);
        var record = await app.WithDbAsync(db => db.ImportRecords.OrderBy(r => r.Id).LastAsync());
        Assert.Equal(ImportResult.Updated, record.Result);
        Assert.Contains("3/25: vedtak", record.Details, StringComparison.Ordinal);
        // Both originals are kept, content-addressed.
        Assert.Equal(2, await app.WithDbAsync(db => db.SourceDocuments.CountAsync()));
    }

    [Fact]
    public async Task A_dry_run_reports_but_stores_nothing()
    {
        await using var app = EmptyApp();
        var report = await Import(app, February, dryRun: true);

        Assert.Equal("created", Assert.Single(report.Meetings).Status);
        Assert.True(report.Files[0].DryRun);
        Assert.Equal(0, await app.WithDbAsync(db => db.Meetings.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.SourceDocuments.CountAsync()));
    }

    [Fact]
    public async Task A_pdf_uploaded_to_the_api_gives_the_same_register_as_its_text()
    {
        await using var textApp = new PortfolioApp(_folder.File("text.db"), seed: false);
        await Import(textApp, February);
        var fromText = await textApp.SendAsync(new GetCase("NUIT 4/25"));

        await using var pdfApp = new PortfolioApp(_folder.File("pdf.db"), seed: false);
        var pdf = WinAnsiPdf.Build(Encoding.UTF8.GetString(Seed(February)));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "files", "nuit-2025-02-13-referat.pdf");
        var response = await pdfApp.CreateClient().PostAsync(new Uri("/api/imports", UriKind.Relative), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var meeting = json.GetProperty("meetings")[0];
        Assert.Equal("1/2025", meeting.GetProperty("number").GetString());
        Assert.Equal("2025-02-13", meeting.GetProperty("date").GetString());
        Assert.Equal("created", meeting.GetProperty("status").GetString());
        Assert.Equal(11, meeting.GetProperty("cases").GetArrayLength());
        var fromPdf = await pdfApp.SendAsync(new GetCase("NUIT 4/25"));
        Assert.Equal(fromText.Title, fromPdf.Title);
        Assert.Equal(fromText.Decision, fromPdf.Decision);
        Assert.Equal(fromText.Inputs, fromPdf.Inputs);
        Assert.Equal(fromText.ActionPoints, fromPdf.ActionPoints);
        Assert.Equal("application/pdf", await pdfApp.WithDbAsync(db => db.SourceDocuments.Select(d => d.ContentType).SingleAsync()));
    }

    public static TheoryData<string, byte[], string> BadInputs => new()
    {
        { "tom.txt", [], "tom" },
        { "bilde.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00], "binær" },
        { "latin1.txt", Encoding.Latin1.GetBytes("Møte 3/2024 i NUIT, sak 31/24 – Drøfting med æ, ø og å"), "tegnkoding" },
        { "handleliste.txt", Encoding.UTF8.GetBytes("Melk\nBrød\nEgg\n"), "møte" },
        { "avkuttet.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "PDF" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_a_clear_error_naming_the_file_and_stores_only_the_attempt(string name, byte[] content, string problem)
    {
        await using var app = EmptyApp();
        var ex = await Assert.ThrowsAsync<InputException>(async () => await Import(app, name, content));

        Assert.StartsWith(name, ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.WithDbAsync(db => db.Meetings.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.SourceDocuments.CountAsync()));
        var record = await app.WithDbAsync(db => db.ImportRecords.SingleAsync());
        Assert.Equal((ImportResult.Failed, name), (record.Result, record.FileName));
        Assert.Equal(ex.Message, record.Details);
    }

    [Fact]
    public async Task Bad_input_through_the_api_is_400_with_the_reason()
    {
        await using var app = EmptyApp();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("Melk\nBrød\n")), "files", "handleliste.txt");
        var response = await app.CreateClient().PostAsync(new Uri("/api/imports", UriKind.Relative), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.StartsWith("handleliste.txt", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_start_imports_the_seed_documents_so_cases_are_there_at_once()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var meetings = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/meetings", TestContext.Current.CancellationToken);
        Assert.Equal(["1/2025", "3/2024", "2/2024"], meetings.EnumerateArray().Select(m => m.GetProperty("number").GetString()));
        Assert.Equal([11, 11, 13], meetings.EnumerateArray().Select(m => m.GetProperty("cases").GetInt32()));

        var c = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/cases/NUIT/36-24", TestContext.Current.CancellationToken);
        Assert.Equal("ICD-11 – En første gjennomgang", c.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Cli_import_prints_json_describing_the_documents_even_when_unchanged()
    {
        var file = Path.Combine(RepoRoot.SeedData, "meetings", February);
        string[] common = ["--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData, "--format", "json"];
        var first = await AppProcess.RunCliAsync(_folder.Path, ["import", file, .. common]);
        Assert.Equal(0, first.ExitCode);
        // The seed already holds this document, so importing it is a no-op that still describes it.
        var report = JsonDocument.Parse(first.Stdout).RootElement;
        var meeting = report.GetProperty("meetings")[0];
        Assert.Equal("unchanged", meeting.GetProperty("status").GetString());
        Assert.Equal("NUIT", meeting.GetProperty("body").GetString());
        var c5 = meeting.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("number").GetString() == "5/25");
        Assert.Equal("Drøfting", c5.GetProperty("type").GetString());
        Assert.True(c5.GetProperty("inputs").GetInt32() > 0);

        var missing = await AppProcess.RunCliAsync(_folder.Path, ["import", "finnes-ikke.txt", .. common]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("finnes-ikke.txt: Finner ikke filen.", missing.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Every row that an import could touch, with its version, so any write shows.</summary>
    private static Task<string> Snapshot(PortfolioApp app) => app.WithDbAsync(async db =>
    {
        var cases = await db.Cases.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Version}").ToListAsync();
        var counts = new[]
        {
            await db.Meetings.CountAsync(), await db.Attendances.CountAsync(), await db.CaseInputs.CountAsync(),
            await db.ActionPoints.CountAsync(), await db.CaseSections.CountAsync(), await db.CaseReferences.CountAsync(),
            await db.CaseAttachments.CountAsync(), await db.Organisations.CountAsync(),
        };
        var sectionIds = await db.CaseSections.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        return string.Join(",", cases) + "|" + string.Join(",", counts) + "|" + string.Join(",", sectionIds);
    });
}
