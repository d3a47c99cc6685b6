using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Meetings;

namespace Nuit.Portfolio.Web.Pages.Documents;

/// <summary>Opens a stored original (the meeting page's «referat» and «innkalling» links): the file exactly as imported.</summary>
public sealed class OriginalModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var original = await sender.Send(new GetSourceDocument(id), ct);
        // Text is served as UTF-8 text so a browser shows æøå; other files keep their type and come as a download.
        var type = original.ContentType.StartsWith("text/", StringComparison.Ordinal) && !original.ContentType.Contains("charset", StringComparison.Ordinal)
            ? original.ContentType + "; charset=utf-8" : original.ContentType;
        return File(original.Content, type, original.FileName);
    }
}
