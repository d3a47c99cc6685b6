using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Access;

/// <summary>Every kind of change leaves who, when, what, old and new; shown on the item's page; exported with or without names.</summary>
public sealed class AuditTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");

    private static async Task<List<ChangeRecord>> Records(PortfolioApp app) =>
        await app.WithDbAsync(db => db.ChangeRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct));

    [Fact]
    public async Task Links_aliases_values_targets_imports_users_and_tokens_are_all_in_the_trail()
    {
        // A fresh start: the seed's own imports are in the trail too, stamped with this start's time.
        await using var app = new PortfolioApp(_folder.DatabasePath) { FreshStart = true };
        var editor = app.CreateClient(AccessRole.Editor);
        var admin = app.CreateClient();

        await Ok(await editor.PostAsJsonAsync("/api/cases/NUIT/31-24/links/confirm", new { item = "SFM", note = "Gjelder SFM direkte" }, Ct));
        await Ok(await editor.PutAsJsonAsync("/api/items/SFM/aliases", new { add = new[] { "forskrivningsmodulen" } }, Ct));
        await Ok(await editor.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/values/2024", new { value = 61, source = "Test" }, Ct));
        await Ok(await editor.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/targets/2026", new { value = 70 }, Ct));
        await Ok(await editor.PostAsJsonAsync("/api/status/SFM", new { quarter = "2025-Q3", rag = "amber", text = "Forsinket pilot" }, Ct));
        await Ok(await editor.PostAsJsonAsync("/api/initiatives/SFM/milestones", new { name = "Pilot", planned = "2026-06-30" }, Ct));
        var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Minutes("Kari Nordmann"))), "files", "referat-2-2025.txt" } };
        await Ok(await editor.PostAsync(new Uri("/api/imports", UriKind.Relative), upload, Ct));
        await Ok(await admin.PostAsJsonAsync("/api/users", new { userName = "ola", role = "Editor" }, Ct));
        await Ok(await admin.PostAsJsonAsync("/api/tokens", new { role = "Reader", name = "overvåking" }, Ct));
        await Ok(await admin.DeleteAsync(new Uri("/api/tokens/overvåking", UriKind.Relative), Ct));

        var records = await Records(app);
        const string editorName = "token:test-Editor";
        Assert.Contains(records, r => (r.ItemCode, r.Subject, r.Field, r.OldValue, r.NewValue, r.ChangedBy, r.Via) == ("SFM", "NUIT 31/24", "kobling", "foreslått", "bekreftet", editorName, "api"));
        Assert.Contains(records, r => r.ItemCode == "SFM" && r.Field == "aliaser" && r.NewValue!.EndsWith("forskrivningsmodulen", StringComparison.Ordinal) && r.ChangedBy == editorName);
        Assert.Contains(records, r => (r.ItemCode, r.Field, r.NewValue, r.ChangedBy) == ("DIGITAL-KONTAKT", "verdi 2024", "61", editorName));
        Assert.Contains(records, r => (r.ItemCode, r.Field, r.OldValue, r.NewValue) == ("DIGITAL-KONTAKT", "målverdi 2026", null, "70"));
        Assert.Contains(records, r => (r.Subject, r.Field, r.ChangedBy, r.Via) == ("NUIT møte 2/2025", "import referat", editorName, "api (referat-2-2025.txt)") && r.NewValue!.Contains("1 saker", StringComparison.Ordinal));
        Assert.Contains(records, r => (r.Subject, r.Field, r.NewValue, r.ChangedBy) == ("bruker ola", "rolle", "Editor", "token:test-Admin"));
        Assert.Contains(records, r => (r.Subject, r.Field, r.NewValue) == ("token overvåking", "rolle", "Reader"));
        Assert.Contains(records, r => (r.Subject, r.Field, r.OldValue, r.NewValue) == ("token overvåking", "status", "aktiv", "tilbakekalt"));
        Assert.Contains(records, r => (r.ItemCode, r.Field, r.NewValue, r.ChangedBy) == ("SFM", "status 2025-Q3", "Gul: Forsinket pilot", editorName));
        Assert.Contains(records, r => r.ItemCode == "SFM" && r.Field.Contains("Pilot", StringComparison.Ordinal) && r.NewValue == "2026-06-30" && r.ChangedBy == editorName);
        Assert.All(records, r => Assert.True(r.ChangedAt > DateTimeOffset.UtcNow.AddMinutes(-5)));

        // On the item's page, newest first.
        var page = await (await app.CreateClient(AccessRole.Reader).GetAsync(new Uri("/initiatives/SFM", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        var section = page[page.IndexOf("id=\"historikk\"", StringComparison.Ordinal)..];
        Assert.True(section.IndexOf("aliaser", StringComparison.Ordinal) < section.IndexOf("kobling", StringComparison.Ordinal));
        Assert.Contains("NUIT 31/24", section, StringComparison.Ordinal);
        Assert.Contains(editorName, section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_without_names_replaces_authors_and_attendees()
    {
        await using var app = await AuditExportTests.AppWithChangesAsync(_folder.DatabasePath, lastAuthor: "kari");
        var reader = app.CreateClient(AccessRole.Reader);

        var named = await reader.GetStringAsync(new Uri("/api/audit/export.csv", UriKind.Relative), Ct);
        Assert.Contains("per.hansen", named, StringComparison.Ordinal);
        Assert.Contains("bruker kari", named, StringComparison.Ordinal);
        Assert.StartsWith("tidspunkt;element;gjelder;felt;gammel verdi;ny verdi;endret av;via", named.TrimStart('\uFEFF'), StringComparison.Ordinal);

        var response = await reader.GetAsync(new Uri("/audit?handler=Export&withoutNames=true", UriKind.Relative), Ct);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith("-uten-navn.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        var anonymous = await response.Content.ReadAsStringAsync(Ct);
        foreach (var name in new[] { "per.hansen", "kari", "Per Hansen", "token:test" })
            Assert.DoesNotContain(name, anonymous, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(";Editor;", anonymous, StringComparison.Ordinal);        // kari's import: her role
        Assert.Contains(";anonymisert;", anonymous, StringComparison.Ordinal);   // per.hansen has no account
        Assert.Contains("bruker anonymisert", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_writes_the_os_user_and_exports_without_names()
    {
        NothingLostTests.SqliteFilesOnly();
        var cli = await AppProcess.RunCliAsync(_folder.Path, "users", "add", "lise", "--role", "reader", "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData);
        Assert.Equal(0, cli.ExitCode);
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var record = (await Records(app)).Single(r => r.Subject == "bruker lise");
        Assert.Equal((Environment.UserName, "cli"), (record.ChangedBy, record.Via));

        var file = _folder.File("logg.csv");
        var export = await AppProcess.RunCliAsync(_folder.Path, "audit", "--export", file, "--without-names", "--db", _folder.DatabasePath);
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("bruker anonymisert", await File.ReadAllTextAsync(file, Ct), StringComparison.Ordinal);
    }

    internal static string Minutes(string attendee) => $"""
        Referat fra møte i NUIT
        Møte 2/2025

        Dato 22. mai 2025

        Til stede:
        {attendee}, Helsedirektoratet

        Sak Tittel på sak Sakstype

        12/25 Status for pasientens prøvesvar Orientering

        Sak Tema

        12/25 Status for pasientens prøvesvar

         Helsedirektoratet orienterte om status for pasientens prøvesvar.

         Vedtak:
        NUIT tar saken til orientering.
        """;
}
