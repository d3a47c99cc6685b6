using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.Features.Strategy;

namespace Nuit.Portfolio.Web.Pages.Indicators;

public sealed class IndicatorModel(ISender sender) : PageModel
{
    public IndicatorDetail Indicator { get; private set; } = null!;

    public IReadOnlyList<AuditEntry> Changes { get; private set; } = [];

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Indicator = await sender.Send(new GetIndicator(code), ct);
        Changes = await sender.Send(new GetAuditTrail(Indicator.Code, Limit: 50), ct);
    }
}
