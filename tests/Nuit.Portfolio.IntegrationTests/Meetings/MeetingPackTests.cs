using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Features.Meetings.Parsing;
using Nuit.Portfolio.Features.Meetings.Planning;
using Nuit.Portfolio.Files.Documents;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Meetings;

/// <summary>Issue 21: planning the next meeting from the seed register, its pack as Word, and the real documents meeting the plan.</summary>
public sealed class MeetingPackTests : IDisposable
{
    private const string SfmTitle = "Sentral forskrivningsmodul – videre innføring";
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<CliResult> Nuit(params string[] args) =>
        AppProcess.RunCliAsync(_folder.Path, [.. args, .. TestDatabase.CliArgs(_folder.DatabasePath), "--seed-data", Tests.RepoRoot.SeedData]);

    private async Task<string> PlanAndExportWithTheCliAsync()
    {
        var plan = await Nuit("meetings", "plan", "NUIT 3/2025", "--date", "2025-09-04", "--place", "Helsedirektoratet, Oslo");
        Assert.True(plan.ExitCode == 0, plan.Stderr);
        var add = await Nuit("meetings", "add-case", "NUIT 3/2025", "--title", SfmTitle, "--type", "Drøfting", "--item", "SFM", "--owner", "NHN");
        Assert.True(add.ExitCode == 0, add.Stderr);
        var file = _folder.File("pakke.docx");
        var pack = await Nuit("pack", "NUIT 3/2025", "--out", file);
        Assert.True(pack.ExitCode == 0, pack.Stderr);
        return file;
    }

    /// <summary>The stored meeting 3/2025 in full, to compare before and after an import.</summary>
    private static async Task<string> SnapshotAsync(PortfolioApp app) => await app.WithDbAsync(async db =>
    {
        var cases = await db.Cases.AsNoTracking().Where(c => c.Meeting!.Number == "3/2025")
            .Include(c => c.Sections).Include(c => c.References).Include(c => c.Links).Include(c => c.ActionPoints)
            .OrderBy(c => c.Sequence).ToListAsync(Ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Number == "3/2025").ToListAsync(Ct);
        return JsonSerializer.Serialize(new
        {
            meetings = meetings.Select(m => new { m.Id, m.Date, m.StartTime, m.EndTime, m.Place, m.HasAgenda, m.HasMinutes, m.IsPlanned }),
            cases = cases.Select(c => new
            {
                c.Id, c.Number, c.Title, c.Type, c.AgendaOrder, c.TimeSlot, c.Owner, c.ProposedDecision, c.Decision, c.Version,
                sections = c.Sections.OrderBy(s => s.Id).Select(s => new { s.Id, s.Kind, s.Text }),
                references = c.References.OrderBy(r => r.Id).Select(r => new { r.Id, r.RawText, r.DecisionText, r.Date, r.ReferencedCaseId }),
                links = c.Links.OrderBy(l => l.Id).Select(l => new { l.Id, l.ItemId, l.State, l.Version }),
                actions = c.ActionPoints.Count,
            }),
        });
    });

    [Fact]
    public async Task Planning_the_next_meeting_with_an_SFM_case_gives_a_pack_with_the_fixed_items_open_action_points_and_earlier_SFM_decisions_and_importing_it_back_changes_nothing()
    {
        var file = await PlanAndExportWithTheCliAsync();

        await using var app = new PortfolioApp(_folder.DatabasePath);
        var sfmDecisions = await app.SendAsync(new DecisionsForItem("SFM"));
        Assert.NotEmpty(sfmDecisions);
        var open = (await app.SendAsync(new ListActionPoints { OpenOnly = true })).Where(a => a.Case.StartsWith("NUIT ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(open);

        var text = DocxTextReader.Read(await File.ReadAllBytesAsync(file, Ct), "pakke.docx");
        var lines = text.Split('\n');
        // The agenda table: the two fixed items first, then the SFM case, each row with number, title, time and type.
        Assert.Contains("12/25 Godkjenning av referatet fra NUIT 13. februar 2025 09:00 Godkjenning", lines);
        Assert.Contains("13/25 Oppfølging av aksjonspunkter 09:10 Orientering", lines);
        Assert.Contains($"14/25 {SfmTitle} 09:40 Drøfting", lines);

        // The action-point item lists every open action point of NUIT.
        var followUp = Between(text, "Toppnotat Oppfølging av aksjonspunkter", "Toppnotat " + SfmTitle);
        foreach (var a in open) Assert.Contains(a.Text, followUp, StringComparison.Ordinal);

        // The SFM cover note quotes each earlier decision with its case number and date.
        var sfmNote = Between(text, "Toppnotat " + SfmTitle, null);
        var earlier = Between(sfmNote, "Vedtak fra tidligere behandlinger", null);
        foreach (var d in sfmDecisions)
        {
            Assert.Contains($"{d.Case} ({d.MeetingDate!.Value:d.M.yyyy})", earlier, StringComparison.Ordinal);
            Assert.Contains(d.Decision.Split('\n')[0].Trim(), earlier, StringComparison.Ordinal);
        }
        foreach (var heading in CoverNoteHeadings.All) Assert.Contains(heading, lines);

        // Importing the pack back: the same meeting and cases, and nothing changes.
        var before = await SnapshotAsync(app);
        var meetings = await app.WithDbAsync(db => db.Meetings.CountAsync(Ct));
        var import = await Nuit("import", file, "--format", "json");
        Assert.True(import.ExitCode == 0, import.Stderr);
        var imported = JsonDocument.Parse(import.Stdout).RootElement.GetProperty("meetings").EnumerateArray().Single();
        Assert.Equal(("3/2025", "unchanged", 3), (imported.GetProperty("number").GetString(), imported.GetProperty("status").GetString(),
            imported.GetProperty("cases").GetArrayLength()));
        Assert.Equal(before, await SnapshotAsync(app));
        Assert.Equal(meetings, await app.WithDbAsync(db => db.Meetings.CountAsync(Ct)));
    }

    [Fact]
    public async Task LibreOffice_opens_the_pack_and_reads_its_agenda_and_cover_notes()
    {
        var soffice = LibreOffice.FindWriter();
        Requires.That(soffice is not null, LibreOffice.WriterMissing);
        var file = await PlanAndExportWithTheCliAsync();

        var outDir = Path.Combine(_folder.Path, "lo");
        await LibreOffice.RunAsync(soffice!, _folder.Path, Ct, "--convert-to", "txt:Text (encoded):UTF8", "--outdir", outDir, file);
        var text = await File.ReadAllTextAsync(Path.Combine(outDir, "pakke.txt"), Ct);
        Assert.Contains("Møte 3/2025", text, StringComparison.Ordinal);
        Assert.Contains("Oppfølging av aksjonspunkter", text, StringComparison.Ordinal);
        Assert.Contains("Toppnotat " + SfmTitle, text, StringComparison.Ordinal);
        Assert.Contains("Vedtak fra tidligere behandlinger", text, StringComparison.Ordinal);

        // The secretary edits the pack in LibreOffice and saves it as .docx: that copy still imports to the same cases.
        var savedDir = Path.Combine(_folder.Path, "lagret");
        await LibreOffice.RunAsync(soffice!, _folder.Path, Ct, "--convert-to", "docx:MS Word 2007 XML", "--outdir", savedDir, file);
        var import = await Nuit("import", Path.Combine(savedDir, "pakke.docx"), "--format", "json");
        Assert.True(import.ExitCode == 0, import.Stderr);
        var imported = JsonDocument.Parse(import.Stdout).RootElement.GetProperty("meetings").EnumerateArray().Single();
        Assert.Equal(("3/2025", "unchanged"), (imported.GetProperty("number").GetString(), imported.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Importing_the_real_agenda_fills_the_planned_meeting_matching_cases_by_title_and_shows_what_differed()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        await app.SendAsync(new PlanMeeting("NUIT 3/2025", new DateOnly(2025, 9, 4)));
        var planned = await app.SendAsync(new AddPlannedCase("NUIT 3/2025", SfmTitle, "Drøfting") { Items = ["SFM"], Owner = "NHN" });
        var sfmId = await app.WithDbAsync(db => db.Cases.Where(c => c.Number == "14/25").Select(c => c.Id).SingleAsync(Ct));
        var meetings = await app.WithDbAsync(db => db.Meetings.CountAsync(Ct));

        // The real agenda puts an orientation before the SFM case, so SFM is 15/25 there and starts at 10:00.
        var sfm = planned.Cases.Single(c => c.Title == SfmTitle);
        var orientation = new PackCase("14/25", "Orientering fra Helsedirektoratet", "Orientering", new TimeOnly(9, 30), null, [], null, [], []);
        var real = planned with { Planned = false, Cases = [.. planned.Cases.Where(c => c != sfm), orientation, sfm with { Number = "15/25", TimeSlot = new TimeOnly(10, 0) }] };
        var report = await app.SendAsync(new ImportDocument("innkalling-3-2025.docx", MeetingPackDocx.Write(real)));

        var meeting = Assert.Single(report.Meetings);
        Assert.Equal(("3/2025", "updated"), (meeting.Number, meeting.Status));
        Assert.Contains($"sak 14/25 «{SfmTitle}» har nummer 15/25 i dokumentet", meeting.Changes);
        Assert.Contains(meeting.Changes, c => c.StartsWith("ny sak 14/25", StringComparison.Ordinal));
        Assert.Contains(meeting.Changes, c => c.StartsWith("15/25: ", StringComparison.Ordinal) && c.Contains("tidspunkt", StringComparison.Ordinal));
        Assert.Equal(meetings, await app.WithDbAsync(db => db.Meetings.CountAsync(Ct)));
        var stored = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == sfmId)
            .Select(c => new { c.Number, c.TimeSlot, Links = c.Links.Count(l => l.State == LinkState.Confirmed) }).SingleAsync(Ct));
        Assert.Equal(("15/25", new TimeOnly(10, 0), 1), (stored.Number, stored.TimeSlot, stored.Links));
        Assert.Equal(4, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Meeting!.Number == "3/2025", Ct)));
    }

    [Fact]
    public async Task An_editor_plans_the_meeting_and_adds_a_case_on_the_page_and_the_api_gives_the_pack_as_json_word_and_html()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        using var editor = app.CreateClient(AccessRole.Editor);

        var planned = await Forms.Text(await Forms.PostAsync(editor, "/meetings/plan", "/meetings/plan?handler=Plan",
            ("Plan.Meeting", "NUIT 3/2025"), ("Plan.Date", "2025-09-04"), ("Plan.Place", "Helsedirektoratet, Oslo")));
        Assert.Contains("NUIT møte 3/2025 er planlagt", planned, StringComparison.Ordinal);
        Assert.Contains("Oppfølging av aksjonspunkter", planned, StringComparison.Ordinal);

        Assert.Contains("href=\"/meetings/plan/NUIT/3-2025\">planlagt (utkast)</a>", await Forms.Page(editor, "/meetings"), StringComparison.Ordinal);

        // A code that is not in the roadmap: one bokmål line next to the field, and nothing is stored.
        var page = "/meetings/plan/NUIT/3-2025";
        var refused = await Forms.Text(await Forms.PostAsync(editor, page, $"{page}?handler=AddCase",
            ("Case.Title", SfmTitle), ("Case.Type", "Drøfting"), ("Case.Items", "SMF")), System.Net.HttpStatusCode.NotFound);
        Assert.Contains("Finner ikke «SMF». Nærmeste koder: SFM", refused, StringComparison.Ordinal);
        Assert.Equal(2, (await app.SendAsync(new GetMeetingPack("NUIT 3/2025"))).Cases.Count);

        var added = await Forms.Text(await Forms.PostAsync(editor, page, $"{page}?handler=AddCase",
            ("Case.Title", SfmTitle), ("Case.Type", "Drøfting"), ("Case.Items", "SFM"), ("Case.Owner", "NHN"), ("Case.Time", "10:00")));
        Assert.Contains($"<tr data-case=\"14/25\">", added, StringComparison.Ordinal);

        var json = await editor.GetFromJsonAsync<JsonElement>("/api/meetings/NUIT/3-2025/pack", Ct);
        var sfm = json.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("number").GetString() == "14/25");
        Assert.Equal(("10:00:00", "SFM"), (sfm.GetProperty("timeSlot").GetString(), sfm.GetProperty("items")[0].GetString()));
        Assert.NotEmpty(sfm.GetProperty("previousDecisions").EnumerateArray());

        // The secretary writes the discussion questions; an edit made on the version seen before is refused as stale.
        var version = await app.WithDbAsync(db => db.Cases.Where(c => c.Number == "14/25").Select(c => c.Version).SingleAsync(Ct));
        var edit = await editor.PutAsJsonAsync("/api/meetings/NUIT/3-2025/cases/14-25",
            new { questions = "Er NUIT enig i planen for videre innføring?", version }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, edit.StatusCode);
        var stale = await editor.PutAsJsonAsync("/api/meetings/NUIT/3-2025/cases/14-25", new { title = "Noe annet", version }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, stale.StatusCode);
        var sections = (await app.SendAsync(new GetMeetingPack("NUIT 3/2025"))).Cases.Single(c => c.Number == "14/25");
        Assert.Equal((SfmTitle, "Er NUIT enig i planen for videre innføring?"),
            (sections.Title, sections.Sections.Single(s => s.Heading == CoverNoteHeadings.Questions).Text));

        var docx = await editor.GetAsync(new Uri("/api/meetings/NUIT/3-2025/pack.docx", UriKind.Relative), Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"14/25 {SfmTitle} 10:00 Drøfting", DocxTextReader.Read(await docx.Content.ReadAsByteArrayAsync(Ct), "pakke.docx"), StringComparison.Ordinal);
        var html = await Forms.Page(editor, "/api/meetings/NUIT/3-2025/pack.html");
        Assert.Contains("<h3>Vedtak fra tidligere behandlinger</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Er NUIT enig i planen for videre innføring?</p>", html, StringComparison.Ordinal);

        // Planning is an editor's work; a reader gets no form and no API write.
        using var reader = app.CreateClient(AccessRole.Reader, followRedirects: false);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await reader.GetAsync(new Uri("/meetings/plan", UriKind.Relative), Ct)).StatusCode);
        var post = await reader.PostAsJsonAsync("/api/meetings/planned", new { meeting = "NUIT 4/2025", date = "2025-11-20" }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, post.StatusCode);
    }

    private static string Between(string text, string from, string? to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"fant ikke «{from}»");
        var end = to is null ? text.Length : text.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        return text[start..(end < 0 ? text.Length : end)];
    }
}
