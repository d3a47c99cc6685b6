using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Strategy;

namespace Nuit.Portfolio.Web.Pages.Indicators;

public sealed class IndicatorModel(ISender sender) : PageModel
{
    public IndicatorDetail Indicator { get; private set; } = null!;

    public async Task OnGetAsync(string code, CancellationToken ct) => Indicator = await sender.Send(new GetIndicator(code), ct);
}
