using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Search;

namespace Nuit.Portfolio.Web.Pages;

/// <summary>Search over everything, grouped by kind; each result leads to its own page.</summary>
public sealed class SearchModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public SearchAnswer? Answer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q)) Answer = await sender.Send(new SearchEverything(Q), ct);
    }
}
