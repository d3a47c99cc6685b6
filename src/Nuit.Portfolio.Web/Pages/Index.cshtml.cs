using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Dashboard;

namespace Nuit.Portfolio.Web.Pages;

public sealed class IndexModel(ISender sender, TimeProvider clock) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        View = await sender.Send(new GetDashboard(DateOnly.FromDateTime(clock.GetLocalNow().Date)), ct);
}
