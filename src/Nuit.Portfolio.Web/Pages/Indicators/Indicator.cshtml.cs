using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.Features.Strategy;
using Nuit.Portfolio.Rendering.Charts;
using Nuit.Portfolio.Rendering.Reports;

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

    /// <summary>The trend chart the quarterly report uses, as a PNG for this page (?handler=Chart).</summary>
    public async Task<IActionResult> OnGetChartAsync(string code, CancellationToken ct)
    {
        var d = await sender.Send(new GetIndicator(code), ct);
        var latest = d.Values.LastOrDefault();
        var row = new IndicatorRow(d.Code, d.Name, d.Goal, d.Unit, latest?.Period ?? "", latest is null ? null : new PeriodPoint(latest.Period, latest.Value),
            d.Targets.LastOrDefault()?.Value, d.Periods.LastOrDefault()?.Status ?? "grey",
            [.. d.Values.Select(v => new PeriodPoint(v.Period, v.Value))], [.. d.Targets.Select(t => new PeriodPoint(t.Period, t.Value))]);
        return File(ReportCharts.IndicatorTrend(row).Png, "image/png");
    }
}
