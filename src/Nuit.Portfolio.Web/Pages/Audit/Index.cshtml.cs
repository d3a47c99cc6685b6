using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Access;

namespace Nuit.Portfolio.Web.Pages.Audit;

/// <summary>The audit trail, all or for one item, and its CSV or Excel export (with or without personal names).</summary>
public sealed class AuditModel(ISender sender) : PageModel
{
    public string? Item { get; private set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(string? item, CancellationToken ct)
    {
        Item = string.IsNullOrWhiteSpace(item) ? null : item.Trim().ToUpperInvariant();
        Entries = await sender.Send(new GetAuditTrail(Item, Limit: 500), ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? item, bool withoutNames, AuditFileFormat format, CancellationToken ct)
    {
        var export = await sender.Send(new ExportAuditTrail(withoutNames, string.IsNullOrWhiteSpace(item) ? null : item, format), ct);
        return File(export.Content, export.ContentType, export.FileName);
    }
}
