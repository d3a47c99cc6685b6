using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Work;

namespace Nuit.Portfolio.Web.Pages.Jobs;

/// <summary>
/// Progress of long work (a report, an import). Without JavaScript the page reloads itself every two seconds; with it,
/// /js/progress.js updates the bar in place. When the work is done the page sends the user on to the result.
/// </summary>
public sealed class JobModel(ISender sender) : PageModel
{
    public WorkStatus Work { get; private set; } = null!;

    /// <summary>Where to go back to start again, after a failure.</summary>
    public string BackUrl => Work.Kind == "Report" ? "/reports" : "/import";

    public async Task<IActionResult> OnGetAsync(Guid id, bool vis, CancellationToken ct)
    {
        Work = await sender.Send(new GetWork(id), ct);
        if (!vis && Work.Finished && Work.ResultUrl is { } next)
        {
            if (Work.State == "succeeded" && Work.Kind == "Report") TempData["Melding"] = Work.Message;
            return LocalRedirect(next);
        }
        return Page();
    }
}
