using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Strategy;

namespace Nuit.Portfolio.Web.Pages;

public sealed class IndexModel(ISender sender) : PageModel
{
    public StrategyOverview Overview { get; private set; } = null!;

    public int InitiativeCount => Overview.UnplacedInitiatives.Count
        + Overview.Goals.Sum(g => g.Initiatives.Count + g.SubGoals.Sum(s => s.Initiatives.Count));

    public async Task OnGetAsync(CancellationToken ct) => Overview = await sender.Send(new ListGoals(), ct);
}
