using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Features.Strategy;
using Nuit.Portfolio.Rendering.Charts;
using Nuit.Portfolio.Rendering.Reports;
using Nuit.Portfolio.Web.Auth;
using Nuit.Portfolio.Web.Pages.Roadmap;

namespace Nuit.Portfolio.Web.Pages.Indicators;

/// <summary>
/// One indicator: chart, values and targets per period, change log. Editors also get a form to record a value
/// and one to set a target; «?period=2024» fills both with that period and the versions they were read at,
/// so an edit made on stale data is refused with the current value instead of overwriting it.
/// </summary>
public sealed class IndicatorModel(ISender sender, IAuthorizationService authorization) : PageModel
{
    public IndicatorDetail Indicator { get; private set; } = null!;

    public IReadOnlyList<AuditEntry> Changes { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty] public ValueForm ValueInput { get; set; } = new();

    [BindProperty] public TargetForm TargetInput { get; set; } = new();

    public async Task OnGetAsync(string code, string? period, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        if (CanEdit && Period.TryParse(period ?? "", out var p)) Prefill(p.ToString());
    }

    public async Task<IActionResult> OnPostValueAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        var form = ValueInput;
        if (!NorwegianNumber.TryParse(form.Value, out var number))
        {
            ModelState.AddModelError($"{nameof(ValueInput)}.{nameof(ValueForm.Value)}", NotANumber(form.Value));
            return Page();
        }
        try
        {
            var result = await sender.Send(new SetIndicatorValue(Indicator.Code, form.Period ?? "", number, form.Source ?? "", Whole(form.Note),
                Who, "nettleser", form.Version), ct);
            return Saved(result, "Verdien");
        }
        catch (DbUpdateConcurrencyException)
        {
            await LoadAsync(code, ct);
            var now = Indicator.Values.FirstOrDefault(v => v.Period == form.Period?.Trim());
            Stale(nameof(ValueInput), now?.Version, now is null
                ? $"Verdien for {form.Period} er endret av noen andre mens du redigerte. Ingenting er lagret."
                : $"Noen andre har endret verdien for {now.Period} mens du redigerte. Gjeldende verdi er {Format.Number(now.Value)} {Indicator.Unit} (kilde: {now.Source}). "
                  + "Ingenting er lagret. Lagre igjen hvis din verdi fortsatt skal gjelde.");
            return Page();
        }
        catch (Exception ex) when (AddErrors(ex, nameof(ValueInput)))
        {
            return Page();
        }
    }

    public async Task<IActionResult> OnPostTargetAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        var form = TargetInput;
        if (!NorwegianNumber.TryParse(form.Value, out var number))
        {
            ModelState.AddModelError($"{nameof(TargetInput)}.{nameof(TargetForm.Value)}", NotANumber(form.Value));
            return Page();
        }
        try
        {
            var result = await sender.Send(new SetIndicatorTarget(Indicator.Code, form.Period ?? "", number, Blank(form.Case), Whole(form.Note),
                Who, "nettleser", form.Version), ct);
            return Saved(result, "Målverdien");
        }
        catch (DbUpdateConcurrencyException)
        {
            await LoadAsync(code, ct);
            var now = Indicator.Targets.FirstOrDefault(t => t.Period == form.Period?.Trim());
            Stale(nameof(TargetInput), now?.Version, now is null
                ? $"Målverdien for {form.Period} er endret av noen andre mens du redigerte. Ingenting er lagret."
                : $"Noen andre har endret målverdien for {now.Period} mens du redigerte. Gjeldende målverdi er {Format.Number(now.Value)} {Indicator.Unit}"
                  + (now.SetBy is null ? "" : $" (satt i {now.SetBy})") + ". Ingenting er lagret. Lagre igjen hvis din målverdi fortsatt skal gjelde.");
            return Page();
        }
        catch (NotFoundException ex)
        {
            // The indicator was found above, so what is missing is the case the target names.
            ModelState.AddModelError($"{nameof(TargetInput)}.{nameof(TargetForm.Case)}", ex.Message);
            return Page();
        }
        catch (Exception ex) when (AddErrors(ex, nameof(TargetInput)))
        {
            return Page();
        }
    }

    /// <summary>The trend chart the quarterly report uses, as a PNG for this page (?handler=Chart).</summary>
    public async Task<IActionResult> OnGetChartAsync(string code, CancellationToken ct)
    {
        var d = await sender.Send(new GetIndicator(code), ct);
        var latest = d.Values.LastOrDefault();
        var row = new IndicatorRow(d.Code, d.Name, d.Goal, d.Unit, latest?.Period ?? "", latest is null ? null : new PeriodPoint(latest.Period, latest.Value),
            d.Targets.LastOrDefault()?.Value, d.Periods.LastOrDefault()?.Status ?? "grey",
            [.. d.Values.Select(v => new PeriodPoint(v.Period, v.Value))], [.. d.Targets.Select(t => new PeriodPoint(t.Period, t.Value))]);
        return File(ReportCharts.IndicatorTrend(row).Png, "image/png");
    }

    private async Task LoadAsync(string code, CancellationToken ct)
    {
        Indicator = await sender.Send(new GetIndicator(code), ct);
        Changes = await sender.Send(new GetAuditTrail(Indicator.Code, Limit: 50), ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
    }

    /// <summary>Both forms filled with what the period holds now; the version is empty-Guid where it holds nothing yet.</summary>
    private void Prefill(string period)
    {
        var value = Indicator.Values.FirstOrDefault(v => v.Period == period);
        ValueInput = new ValueForm
        {
            Period = period, Value = value is null ? null : NorwegianNumber.Format(value.Value), Source = value?.Source, Note = value?.Note,
            Version = value?.Version ?? Guid.Empty,
        };
        var target = Indicator.Targets.FirstOrDefault(t => t.Period == period);
        TargetInput = new TargetForm
        {
            Period = period, Value = target is null ? null : NorwegianNumber.Format(target.Value), Case = target?.SetBy, Note = target?.Note,
            Version = target?.Version ?? Guid.Empty,
        };
    }

    private RedirectResult Saved(IndicatorEditResult result, string what)
    {
        TempData["Melding"] = result.Changes.Count == 0
            ? $"{what} for {result.Period} var allerede slik; ingenting er endret."
            : $"{what} for {result.Period} er lagret. Status for perioden: {result.StatusText}.";
        return Redirect($"/indicators/{result.Code}#verdier");
    }

    /// <summary>
    /// Keeps what the person typed, says what is stored now, and hands the form the current version: saving again
    /// is then a deliberate choice made knowing the other change.
    /// </summary>
    private void Stale(string form, Guid? current, string message)
    {
        ModelState.Remove($"{form}.Version");
        if (form == nameof(ValueInput)) ValueInput.Version = current ?? Guid.Empty;
        else TargetInput.Version = current ?? Guid.Empty;
        ModelState.AddModelError(form, message);
    }

    private bool AddErrors(Exception ex, string form)
    {
        // A period that does not fit the indicator («måles per år») belongs next to the period field.
        if (ex is InputException { Location: { } l } i && l.StartsWith("periode ", StringComparison.Ordinal))
        {
            ModelState.AddModelError($"{form}.Period", char.ToUpperInvariant(i.Reason[0]) + i.Reason[1..] + ".");
            return true;
        }
        if (!RoadmapForms.AddErrors(ModelState, ex, form)) return false;
        // Errors for no field in particular are shown at the top of the form they came from.
        if (ModelState.TryGetValue("", out var whole))
        {
            foreach (var e in whole.Errors) ModelState.AddModelError(form, e.ErrorMessage);
            ModelState.Remove("");
        }
        return true;
    }

    /// <summary>A refusal that concerns the whole form (a stale edit, an unknown indicator), not one field.</summary>
    public string? FormError(string form) =>
        ModelState.TryGetValue(form, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private static string NotANumber(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "Oppgi verdien." : $"«{text}» er ikke et tall. Skriv f.eks. 12,5.";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The form shows the whole note, so an emptied field means «no note» (null would mean «keep it»).</summary>
    private static string Whole(string? text) => text?.Trim() ?? "";

    private string Who => User.Identity?.Name ?? "nettleser";

    public sealed class ValueForm
    {
        public string? Period { get; set; }
        public string? Value { get; set; }
        public string? Source { get; set; }
        public string? Note { get; set; }

        /// <summary>The version the form was read at; empty Guid means «no value for this period when I looked».</summary>
        public Guid? Version { get; set; } = Guid.Empty;
    }

    public sealed class TargetForm
    {
        public string? Period { get; set; }
        public string? Value { get; set; }
        public string? Case { get; set; }
        public string? Note { get; set; }
        public Guid? Version { get; set; } = Guid.Empty;
    }
}
