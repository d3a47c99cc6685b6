using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Reports;
using Nuit.Portfolio.Features.Work;
using Nuit.Portfolio.Web.Endpoints;
using Nuit.Portfolio.Web.Jobs;

namespace Nuit.Portfolio.Web.Pages.Reports;

/// <summary>Quarterly reports with their files, and "lag rapport nå" for a quarter (draft or published).</summary>
public sealed class IndexModel(ISender sender, TimeProvider clock, IOptions<WorkOptions> work, IOptions<ReportScheduleOptions> schedule) : PageModel
{
    public IReadOnlyList<ReportSummary> Reports { get; private set; } = [];

    /// <summary>Reports being built now (by anyone), with links to their progress.</summary>
    public IReadOnlyList<WorkStatus> InProgress { get; private set; } = [];

    /// <summary>The newest quarter with meetings or statuses, up to the one that ended last (what the scheduled job reports on).</summary>
    [BindProperty] public string Quarter { get; set; } = "";
    [BindProperty] public bool Publish { get; set; }

    /// <summary>The quarter that ended last, named when the default is an earlier quarter with data.</summary>
    public string LastEnded { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var ended = Domain.Quarter.Parse(Items.StatusForm.DefaultQuarter(clock, schedule.Value));
        // The quarter that just ended may hold nothing yet (data ending in 2025 while the clock says 2026): offer the last one that has some.
        var withData = await sender.Send(new LastQuarterWithData(ended), ct);
        Quarter = (withData ?? ended).ToString();
        LastEnded = ended.ToString();
        Reports = await sender.Send(new ListReports(), ct);
        InProgress = await sender.Send(new ListWork([WorkKind.Report]), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Domain.Quarter.TryParse(Quarter, out var quarter))
        {
            ModelState.AddModelError(nameof(Quarter), $"«{Quarter}» er ikke et kvartal. Skriv det som 2025-Q1.");
            Reports = await sender.Send(new ListReports(), ct);
            return Page();
        }
        // Built in the background: a big portfolio takes seconds, and the progress page shows how far it has come.
        var started = await sender.Send(new QueueReport(quarter.ToString(), Publish), ct);
        var done = await WorkWait.ForAsync(sender, started, work.Value.PageWait, ct);
        if (done.State == "succeeded") TempData["Melding"] = done.Message;
        return LocalRedirect(WorkWait.NextUrl(done));
    }
}
