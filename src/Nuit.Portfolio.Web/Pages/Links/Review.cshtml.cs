using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Pages.Links;

/// <summary>
/// The review queue (issue 19): the matcher's suggestions, one after the other, each with why it was suggested and
/// two real form buttons. After a decision the page comes back with focus on the next suggestion's «Bekreft», so an
/// editor works through the queue with Tab, Enter and nothing else, scripts or not.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class ReviewModel(ISender sender) : PageModel
{
    public LinkQueue Queue { get; private set; } = null!;

    /// <summary>Only this item's suggestions when given (the item page's «Vurder dem etter tur»).</summary>
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }

    /// <summary>Where in the list the last decision was: the suggestion now at that place gets the focus.</summary>
    [BindProperty(SupportsGet = true)] public int? At { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Queue = await sender.Send(new LinksToReview(Item), ct);

    public int FocusIndex => At is { } at && Queue.Links.Count > 0 ? Math.Clamp(at, 0, Queue.Links.Count - 1) : -1;

    public async Task<IActionResult> OnPostAsync(string caseKey, string linkItem, string decision, Guid version, int at, CancellationToken ct)
    {
        TempData["Melding"] = await Items.ItemForms.DecideAsync(sender, caseKey, linkItem, decision, version, ct);
        var query = Item is null ? $"?at={at}" : $"?item={Uri.EscapeDataString(Item)}&at={at}";
        // No #fragment: a target in the address wins over autofocus, and the focus must land on the next suggestion.
        return LocalRedirect($"/links/review{query}");
    }
}
