using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Reports;

namespace Nuit.Portfolio.Web.Pages.Reports;

/// <summary>Quarterly reports with their files, and "lag rapport nå" for a quarter (draft or published).</summary>
public sealed class IndexModel(ISender sender, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReportSummary> Reports { get; private set; } = [];

    /// <summary>The quarter that ended last: what the scheduled job reports on.</summary>
    [BindProperty] public string Quarter { get; set; } = "";
    [BindProperty] public bool Publish { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Quarter = Domain.Quarter.FromDate(DateOnly.FromDateTime(clock.GetLocalNow().Date)).Previous().ToString();
        Reports = await sender.Send(new ListReports(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Domain.Quarter.TryParse(Quarter, out var quarter))
        {
            ModelState.AddModelError(nameof(Quarter), $"«{Quarter}» er ikke et kvartal. Skriv det som 2025-Q1.");
            Reports = await sender.Send(new ListReports(), ct);
            return Page();
        }
        try
        {
            var result = await sender.Send(new CreateReport(quarter.ToString(), Publish, User.Identity?.Name ?? "nettleser"), ct);
            TempData["Melding"] = $"Rapporten for {quarter.ToDisplayString()} er laget: {result.Report.EditionText}.";
        }
        catch (InputException ex)
        {
            ModelState.AddModelError(nameof(Quarter), ex.Message);
            Reports = await sender.Send(new ListReports(), ct);
            return Page();
        }
        return RedirectToPage();
    }
}
