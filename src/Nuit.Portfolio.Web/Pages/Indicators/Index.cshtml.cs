using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Strategy;

namespace Nuit.Portfolio.Web.Pages.Indicators;

public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Indicators = await sender.Send(new ListIndicators(), ct);
}
