using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Ledger;

namespace Nuit.Portfolio.Web.Pages.Actions;

public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty(SupportsGet = true)] public string? Meeting { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    /// <summary>"alle" shows closed and dropped ones too; by default only the unfinished ones.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }

    public IReadOnlyList<ActionPointRow> Rows { get; private set; } = [];

    /// <summary>The same list as a workbook (/api/actions.xlsx with the page's filters).</summary>
    public string WorkbookUrl => "/api/actions.xlsx?" + string.Join("&", new (string Key, string? Value)[]
        {
            ("open", Show != "alle" && string.IsNullOrWhiteSpace(Status) ? "true" : null), ("overdue", Overdue ? "true" : null),
            ("owner", Blank(Owner)), ("status", Blank(Status)), ("item", Blank(Item)), ("meeting", Blank(Meeting)),
        }.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await sender.Send(new ListActionPoints
        {
            OpenOnly = Show != "alle" && string.IsNullOrWhiteSpace(Status),
            OverdueOnly = Overdue,
            Owner = Blank(Owner),
            Status = Blank(Status),
            Item = Blank(Item),
            Meeting = Blank(Meeting),
        }, ct);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
