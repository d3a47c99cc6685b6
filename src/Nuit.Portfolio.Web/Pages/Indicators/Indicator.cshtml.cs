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

    public Task<IActionResult> OnPostValueAsync(string code, CancellationToken ct)
    {
        var form = ValueInput;
        return SaveAsync(code, nameof(ValueInput), "verdi", form.Value, form.Period,
            number => sender.Send(new SetIndicatorValue(Indicator.Code, form.Period ?? "", number, form.Source ?? "", Whole(form.Note), form.Version), ct),
            period => Indicator.Values.FirstOrDefault(v => v.Period == period) is { } now
                ? (now.Version, $"{Format.Number(now.Value)} {Indicator.Unit} (kilde: {now.Source})")
                : null,
            ct);
    }

    public Task<IActionResult> OnPostTargetAsync(string code, CancellationToken ct)
    {
        var form = TargetInput;
        return SaveAsync(code, nameof(TargetInput), "målverdi", form.Value, form.Period,
            number => sender.Send(new SetIndicatorTarget(Indicator.Code, form.Period ?? "", number, Blank(form.Case), Whole(form.Note), form.Version), ct),
            period => Indicator.Targets.FirstOrDefault(t => t.Period == period) is { } now
                ? (now.Version, $"{Format.Number(now.Value)} {Indicator.Unit}" + (now.SetBy is null ? "" : $" (satt i {now.SetBy})"))
                : null,
            ct);
    }

    /// <summary>
    /// Both forms: parse the number, send the edit, and on a refusal show the page again with the reason where it
    /// belongs. <paramref name="current"/> describes what the period holds now, for the stale-edit message.
    /// </summary>
    private async Task<IActionResult> SaveAsync(string code, string form, string noun, string? number, string? period,
        Func<decimal, ValueTask<IndicatorEditResult>> send, Func<string?, (Guid Version, string Text)?> current, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        if (!NorwegianNumber.TryParse(number, out var n))
        {
            ModelState.AddModelError($"{form}.Value", NotANumber(number));
            return Page();
        }
        try
        {
            var result = await send(n);
            TempData["Melding"] = result.Changes.Count == 0
                ? $"{Capitalise(noun)}en for {result.Period} var allerede slik; ingenting er endret."
                : $"{Capitalise(noun)}en for {result.Period} er lagret. Status for perioden: {result.StatusText}.";
            return Redirect($"/indicators/{result.Code}#verdier");
        }
        catch (Exception ex) when (FormErrors.TryAdd(ModelState, ex, form, formKey: form))
        {
            if (Outcomes.Of(ex).Kind != OutcomeKind.Conflict) return Page();
            await LoadAsync(code, ct);
            var key = Period.TryParse(period ?? "", out var p) ? p.ToString() : period;
            var now = current(key);
            // Keep what the person typed, say what is stored now, and hand the form the current version:
            // saving again is then a deliberate choice made knowing the other change.
            ModelState.Remove($"{form}.Version");
            if (form == nameof(ValueInput)) ValueInput.Version = now?.Version ?? Guid.Empty;
            else TargetInput.Version = now?.Version ?? Guid.Empty;
            if (now is { Text: var text }) ModelState.AddModelError(form, $"Gjeldende {noun} for {key} er {text}.");
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

    /// <summary>A refusal that concerns the whole form (a stale edit with what is stored now, an unknown indicator), not one field.</summary>
    public string? FormError(string form) =>
        ModelState.TryGetValue(form, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    private static string NotANumber(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "Oppgi verdien." : $"«{text}» er ikke et tall. Skriv f.eks. 12,5.";

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The form shows the whole note, so an emptied field means «no note» (null would mean «keep it»).</summary>
    private static string Whole(string? text) => text?.Trim() ?? "";

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
