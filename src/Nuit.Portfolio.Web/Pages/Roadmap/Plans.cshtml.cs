using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Roadmap;

namespace Nuit.Portfolio.Web.Pages.Roadmap;

/// <summary>Plan years and the differences between two of them; starting the next plan year.</summary>
public sealed class PlansModel(ISender sender) : PageModel
{
    public IReadOnlyList<PlanYearEntry> Years { get; private set; } = [];
    public PlanDiff? Diff { get; private set; }

    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Years = await sender.Send(new ListPlanYears(), ct);
        // Without a choice, compare the newest closed year with the current one.
        if (From is null && To is null && Years.Count > 1) (From, To) = (Years[^2].Year, Years[^1].Year);
        if (From is { } f && To is { } t && f != t) Diff = await sender.Send(new GetPlanDiff(f, t), ct);
    }

    public async Task<IActionResult> OnPostStartAsync(int year, CancellationToken ct)
    {
        try
        {
            var r = await sender.Send(new StartPlanYear(year, null), ct);
            TempData["Melding"] = $"{r.ClosedPlanName} er lagret. Gjeldende plan er nå {r.PlanName}.";
            return Redirect($"/roadmap/plans?from={r.ClosedYear}&to={r.Year}");
        }
        catch (Exception ex) when (FormErrors.TryAdd(ModelState, ex, "Start"))
        {
            Years = await sender.Send(new ListPlanYears(), ct);
            return Page();
        }
    }
}
