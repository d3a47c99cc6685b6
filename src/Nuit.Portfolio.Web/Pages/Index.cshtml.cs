using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Dashboard;
using Nuit.Portfolio.Features.Ledger;

namespace Nuit.Portfolio.Web.Pages;

public sealed class IndexModel(ISender sender, TimeProvider clock) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public CoverageGapView Gaps { get; private set; } = null!;

    /// <summary>Open action points, overdue first, with due dates and overdue marks (the dashboard view has only their age).</summary>
    public IReadOnlyList<ActionPointRow> OpenActionPoints { get; private set; } = [];

    public const int ActionPointsShown = 10;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        View = await sender.Send(new GetDashboard(), ct);
        Gaps = await sender.Send(new CoverageGaps(Today: today), ct);
        OpenActionPoints = await sender.Send(new ListActionPoints { OpenOnly = true, Today = today }, ct);
    }
}
