using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using static Nuit.Portfolio.IntegrationTests.Infrastructure.Forms;

namespace Nuit.Portfolio.IntegrationTests.Status;

/// <summary>«Registrer status» on an item page, through the real host with antiforgery.</summary>
public sealed partial class StatusPageTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_registers_a_status_that_appears_in_the_history_and_the_audit_trail()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);
        var form = await Page(client, "/initiatives/SFM");
        var lastQuarter = Quarter.FromDate(DateOnly.FromDateTime(DateTime.Now)).Previous().ToString();
        Assert.Contains("Registrer status", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"StatusInput.Quarter\" value=\"{lastQuarter}\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"amber\"", form, StringComparison.Ordinal);
        Assert.Contains(">Gul</span>", form, StringComparison.Ordinal);

        var saved = await Text(await Forms.PostAsync(client, "/initiatives/SFM", "/initiatives/SFM?handler=Status",
            ("StatusInput.Quarter", "2025-Q3"), ("StatusInput.Rag", "amber"), ("StatusInput.Text", "Piloten er flyttet til våren"), ("StatusInput.Seen", Seen(form))));

        Assert.Contains("Status for SFM i 3. kvartal 2025 er registrert: Gul.", saved, StringComparison.Ordinal);
        Assert.Matches(new Regex("<td>3. kvartal 2025</td>\\s*<td><span class=\"rag rag-amber\">Gul</span></td>\\s*<td>Ny</td>\\s*<td>Piloten er flyttet til våren</td>"), saved);
        var audit = await app.WithDbAsync(db => db.ChangeRecords.Where(c => c.ItemCode == "SFM" && c.Field == "status 2025-Q3").SingleAsync(Ct));
        Assert.Equal(("Gul: Piloten er flyttet til våren", "token:test-Editor"), (audit.NewValue, audit.ChangedBy));
        Assert.Contains("<td>status 2025-Q3</td>", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_shown_next_to_its_field_and_nothing_is_saved()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);

        var bad = await Text(await Forms.PostAsync(client, "/initiatives/SFM", "/initiatives/SFM?handler=Status",
            ("StatusInput.Quarter", "2025-Q5"), ("StatusInput.Text", "Uten farge")));

        Assert.Matches(FieldError("StatusInput.Quarter", "«2025-Q5» er ikke et kvartal. Skriv det som 2025-Q1."), bad);
        Assert.Matches(FieldError("StatusInput.Rag", "Velg en status: grønn, gul eller rød."), bad);
        Assert.Contains("Uten farge</textarea>", bad, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.StatusUpdates.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_form_loaded_before_someone_else_reported_the_quarter_is_refused()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);
        var form = await Page(client, "/initiatives/PLL");
        await app.SendAsync(new SetStatus("PLL", "2025-Q2", "green", "Meldt av noen andre"), actingAs: "kari");

        var stale = await Text(await Forms.PostAsync(client, "/initiatives/PLL", "/initiatives/PLL?handler=Status",
            ("StatusInput.Quarter", "2025-Q2"), ("StatusInput.Rag", "red"), ("StatusInput.Seen", Seen(form))));

        Assert.Matches(FieldError("StatusInput.Quarter", "Noen andre har endret dette etter at du hentet det"), stale);
        Assert.Equal(["Meldt av noen andre"], await app.WithDbAsync(db => db.StatusUpdates.Select(s => s.Narrative).ToListAsync(Ct)));

        // The page shown again carries what is now the newest status, so sending it again is accepted.
        var again = await Text(await Forms.PostAsync(client, "/initiatives/PLL", "/initiatives/PLL?handler=Status",
            ("StatusInput.Quarter", "2025-Q2"), ("StatusInput.Rag", "red"), ("StatusInput.Seen", Seen(stale))));
        Assert.Contains("Status for PLL i 2. kvartal 2025 er registrert: Rød.", again, StringComparison.Ordinal);

        // The API takes the same check: a client that saw no status for PLL is refused.
        var api = await app.CreateClient().PostAsJsonAsync("/api/status/PLL", new { quarter = "2025-Q2", rag = "green", seenLatest = DateTimeOffset.MinValue }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
    }

    [Fact]
    public async Task A_reader_sees_no_forms_and_may_not_post_one()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var reader = app.CreateClient(AccessRole.Reader, followRedirects: false);
        var editor = app.CreateClient(AccessRole.Editor);
        string[] itemForms = ["Registrer status", "Legg til alias", "Koble saken", "Kjør koblingsforslag på nytt", "handler=Decide"];
        const string caseForm = "Koble til veikartet";

        // An editor sees every form, so a renamed label cannot make the reader's check pass unnoticed.
        var editorPage = await Page(editor, "/initiatives/SFM");
        Assert.All(itemForms, form => Assert.Contains(form, editorPage, StringComparison.Ordinal));
        Assert.Contains(caseForm, await Page(editor, "/cases/NUIT/31-24"), StringComparison.Ordinal);

        var page = await Page(reader, "/initiatives/SFM");
        Assert.All(itemForms, form => Assert.DoesNotContain(form, page, StringComparison.Ordinal));
        Assert.DoesNotContain(caseForm, await Page(reader, "/cases/NUIT/31-24"), StringComparison.Ordinal);

        var refused = await Forms.PostAsync(reader, "/initiatives/SFM", "/initiatives/SFM?handler=Status",
            ("StatusInput.Quarter", "2025-Q3"), ("StatusInput.Rag", "green"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostAsync(reader, "/initiatives/SFM", "/initiatives/SFM?handler=Refresh")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostAsync(reader, "/cases/NUIT/31-24", "/cases/NUIT/31-24?handler=Link", ("LinkInput.Item", "PLL"))).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.StatusUpdates.CountAsync(Ct)));
    }

    private static string Seen(string page) => SeenInput().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("Ingen StatusInput.Seen på siden.");

    [GeneratedRegex("name=\"StatusInput.Seen\" value=\"([^\"]+)\"")]
    private static partial Regex SeenInput();
}
