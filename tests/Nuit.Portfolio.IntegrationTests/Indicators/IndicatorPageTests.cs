using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using static Nuit.Portfolio.IntegrationTests.Infrastructure.Forms;

namespace Nuit.Portfolio.IntegrationTests.Indicators;

/// <summary>Editors record values and targets and import the workbook on the indicator pages; readers only read.</summary>
public sealed partial class IndicatorPageTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_records_a_value_and_a_target_typed_the_Norwegian_way_and_both_are_in_the_change_log()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var editor = app.CreateClient(AccessRole.Editor);

        var value = await Text(await Forms.PostAsync(editor, "/indicators/HP-FORNOYD", "/indicators/HP-FORNOYD?handler=Value",
            ("ValueInput.Period", "2024"), ("ValueInput.Value", "61,5"), ("ValueInput.Source", "Helsepersonellundersøkelsen 2024"),
            ("ValueInput.Version", Guid.Empty.ToString())));
        var page = await Text(await Forms.PostAsync(editor, "/indicators/HP-FORNOYD", "/indicators/HP-FORNOYD?handler=Target",
            ("TargetInput.Period", "2024"), ("TargetInput.Value", "65.5"), ("TargetInput.Case", "NUIT 31/24"), ("TargetInput.Version", Guid.Empty.ToString())));

        Assert.Contains("Verdien for 2024 er lagret", value, StringComparison.Ordinal);
        Assert.Contains("Målverdien for 2024 er lagret. Status for perioden: Gul.", page, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">2024</th>\s*<td class=""num"">61,5 ", page);
        var stored = await app.WithDbAsync(db => db.Indicators.Where(i => i.Code == "HP-FORNOYD")
            .Select(i => new { Value = i.Values.Single(v => v.Period == "2024").Value, Target = i.Targets.Single(t => t.Period == "2024").Value, Case = i.Targets.Single(t => t.Period == "2024").SetByCase!.Number })
            .SingleAsync(Ct));
        Assert.Equal((61.5m, 65.5m, "31/24"), (stored.Value, stored.Target, stored.Case));

        var history = await app.WithDbAsync(db => db.ChangeRecords.Where(c => c.ItemCode == "HP-FORNOYD").OrderBy(c => c.Id).ToListAsync(Ct));
        Assert.Equal(["verdi 2024", "kilde 2024", "målverdi 2024", "målverdi sak 2024"], history.Select(h => h.Field));
        Assert.Equal("61.5", history[0].NewValue);
        Assert.All(history, h => Assert.Equal(("token:test-Editor", "web"), (h.ChangedBy, h.Via)));
        Assert.Contains("<td>verdi 2024</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_value_is_explained_next_to_its_field_and_nothing_is_saved()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var editor = app.CreateClient(AccessRole.Editor);

        var notNumber = await PostValue(editor, "HP-FORNOYD", "2024", "12,5 %", "Kilde");
        var quarter = await PostValue(editor, "HP-FORNOYD", "2024-Q1", "12,5", "Kilde");
        var noSource = await PostValue(editor, "HP-FORNOYD", "2024", "12,5", "");
        var badCase = await Forms.PostAsync(editor, "/indicators/HP-FORNOYD", "/indicators/HP-FORNOYD?handler=Target",
            ("TargetInput.Period", "2024"), ("TargetInput.Value", "60"), ("TargetInput.Case", "NUIT 99/24"));

        Assert.Matches(FieldError("ValueInput.Value", "«12,5 %» er ikke et tall. Skriv f.eks. 12,5."), await Text(notNumber));
        Assert.Matches(FieldError("ValueInput.Period", "måles per år"), await Text(quarter));
        Assert.Matches(FieldError("ValueInput.Source", "Oppgi kilden til verdien."), await Text(noSource));
        Assert.Matches(FieldError("TargetInput.Case", "finner ikke saken NUIT 99/24"), await Text(badCase));
        Assert.Equal(HttpStatusCode.OK, notNumber.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.ItemCode == "HP-FORNOYD", Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.IndicatorValues.CountAsync(v => v.Indicator!.Code == "HP-FORNOYD", Ct)));
    }

    [Fact]
    public async Task A_stale_page_form_says_what_is_stored_now_and_overwrites_nothing_until_saved_again()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var editor = app.CreateClient(AccessRole.Editor);
        var form = await Text(await editor.GetAsync(new Uri("/indicators/DIGITAL-KONTAKT?period=2023", UriKind.Relative), Ct));
        Assert.Contains("value=\"57\"", form, StringComparison.Ordinal);
        var version = Version().Match(form).Groups[1].Value;
        Assert.NotEqual(Guid.Empty, Guid.Parse(version));

        // Someone else corrects the value while the form is open.
        await app.SendAsync(new SetIndicatorValue("DIGITAL-KONTAKT", "2023", 58.5m, "Rettet tall", null), actingAs: "kollega");
        var stale = await PostValue(editor, "DIGITAL-KONTAKT", "2023", "60", "Min kilde", version);

        var page = await Text(stale);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(Common.Outcomes.StaleEdit + " Gjeldende verdi for 2023 er 58,5 % (kilde: Rettet tall).", page, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.IndicatorValues.SingleAsync(v => v.Indicator!.Code == "DIGITAL-KONTAKT" && v.Period == "2023", Ct));
        Assert.Equal((58.5m, "Rettet tall"), (stored.Value, stored.Source));
        Assert.Equal(0, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.Via == "web", Ct)));

        // The blank form assumes the period is empty, so it does not overwrite either.
        var blank = await PostValue(editor, "DIGITAL-KONTAKT", "2023", "60", "Min kilde", Guid.Empty.ToString());
        Assert.Contains("Gjeldende verdi for 2023 er 58,5 %", await Text(blank), StringComparison.Ordinal);

        // The refused form now carries the current version: saving again is a deliberate overwrite.
        var again = await PostValue(editor, "DIGITAL-KONTAKT", "2023", "60", "Min kilde", Version().Match(page).Groups[1].Value);
        Assert.Contains("Verdien for 2023 er lagret", await Text(again), StringComparison.Ordinal);
        Assert.Equal(60m, await app.WithDbAsync(db => db.IndicatorValues.Where(v => v.Indicator!.Code == "DIGITAL-KONTAKT" && v.Period == "2023").Select(v => v.Value).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_reader_sees_no_forms_and_may_not_post_or_import()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var reader = app.CreateClient(AccessRole.Reader, followRedirects: false);

        var page = await reader.GetStringAsync(new Uri("/indicators/DIGITAL-KONTAKT?period=2023", UriKind.Relative), Ct);
        var list = await reader.GetStringAsync(new Uri("/indicators", UriKind.Relative), Ct);
        var refused = await PostValue(reader, "DIGITAL-KONTAKT", "2023", "1", "x");

        Assert.DoesNotContain("handler=Value", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Target", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Rediger indikatoren", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/indicators/import", list, StringComparison.Ordinal);
        Assert.Contains("/api/exports/indicators.xlsx", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(new Uri("/indicators/import", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(57m, await app.WithDbAsync(db => db.IndicatorValues.Where(v => v.Indicator!.Code == "DIGITAL-KONTAKT" && v.Period == "2023").Select(v => v.Value).SingleAsync(Ct)));

        var editor = app.CreateClient(AccessRole.Editor);
        var editorPage = await editor.GetStringAsync(new Uri("/indicators/DIGITAL-KONTAKT", UriKind.Relative), Ct);
        Assert.Contains("href=\"/roadmap/edit/DIGITAL-KONTAKT\">Rediger indikatoren</a>", editorPage, StringComparison.Ordinal);
        Assert.Contains("/indicators/import", await editor.GetStringAsync(new Uri("/indicators", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_workbook_is_previewed_with_its_bad_cell_then_a_good_one_is_confirmed_and_imported()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var editor = app.CreateClient(AccessRole.Editor);
        var exported = await app.CreateClient().GetByteArrayAsync(new Uri("/api/exports/indicators.xlsx", UriKind.Relative), Ct);

        var bad = Workbooks.Edit(exported, "Verdier", ws => ws.Cell("C4").Value = "12,5 %");
        var refused = await Text(await Upload(editor, bad));
        Assert.Contains("indikatorer.xlsx, Verdier!C4: «12,5 %» er ikke et tall.", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Bekreft import", refused, StringComparison.Ordinal);

        var good = Workbooks.Edit(exported, "Verdier", ws =>
            ws.RowsUsed().Single(r => r.Cell(1).GetString() == "DIGITAL-KONTAKT" && r.Cell(2).GetString() == "2023").Cell(3).Value = 58.5);
        var preview = await Text(await Upload(editor, good));
        Assert.Contains("1 ville blitt endret", preview, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">DIGITAL-KONTAKT</th><td>2023</td><td>verdi</td><td>57</td><td>58,5</td>", preview);
        Assert.Equal(57m, await StoredAsync(app));

        var token = Regex.Match(preview, "name=\"token\" value=\"([0-9a-f]{64})\"").Groups[1].Value;
        var confirmed = await Text(await Forms.PostAsync(editor, "/indicators/import", "/indicators/import?handler=Confirm", ("token", token), ("fileName", "indikatorer.xlsx")));

        Assert.Contains("indikatorer.xlsx: ", confirmed, StringComparison.Ordinal);
        Assert.Contains("1 endret", confirmed, StringComparison.Ordinal);
        Assert.Equal(58.5m, await StoredAsync(app));
        var record = await app.WithDbAsync(db => db.ChangeRecords.SingleAsync(c => c.ItemCode == "DIGITAL-KONTAKT", Ct));
        Assert.Equal(("verdi 2023", "57", "58.5", "token:test-Editor", "web (indikatorer.xlsx)"), (record.Field, record.OldValue, record.NewValue, record.ChangedBy, record.Via));

        var expired = await Text(await Forms.PostAsync(editor, "/indicators/import", "/indicators/import?handler=Confirm", ("token", token), ("fileName", "indikatorer.xlsx")));
        Assert.Contains("Forhåndsvisningen er utløpt", expired, StringComparison.Ordinal);
    }

    private static Task<decimal> StoredAsync(PortfolioApp app) =>
        app.WithDbAsync(db => db.IndicatorValues.Where(v => v.Indicator!.Code == "DIGITAL-KONTAKT" && v.Period == "2023").Select(v => v.Value).SingleAsync(Ct));

    private static Task<HttpResponseMessage> Upload(HttpClient client, byte[] workbook) =>
        Workbooks.PostAsync(client, "/indicators/import?handler=Preview", "workbook", workbook, "indikatorer.xlsx", antiforgeryPage: "/indicators/import");

    private static Task<HttpResponseMessage> PostValue(HttpClient client, string code, string period, string value, string source, string? version = null) =>
        Forms.PostAsync(client, $"/indicators/{code}", $"/indicators/{code}?handler=Value",
            [("ValueInput.Period", period), ("ValueInput.Value", value), ("ValueInput.Source", source), .. version is null ? [] : new[] { ("ValueInput.Version", version) }]);


    [GeneratedRegex("name=\"ValueInput.Version\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex Version();
}
