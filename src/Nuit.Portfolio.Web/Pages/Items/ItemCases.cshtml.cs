using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Web.Pages.Items;

/// <summary>
/// Every case that touched an item, a hundred to a page, newest first: where the item page's «Vis alle» leads, since
/// the item page shows only the newest 50 of each growing list (issue 18). <c>?utvalg=vedtak</c> or <c>siden</c>
/// narrows it to the cases of the decisions section or of «since the last meeting».
/// </summary>
public sealed class ItemCasesModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "side")] public int Side { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "utvalg")] public string? Utvalg { get; set; }

    public ItemCasePage List { get; private set; } = null!;

    public async Task OnGetAsync(string kind, string code, CancellationToken ct) =>
        // A page number below 1 is read as the first rather than refused: it only comes from a hand-edited address.
        List = await sender.Send(new ListItemCases(code, Math.Max(1, Side), Utvalg is "vedtak" or "siden" ? Utvalg : null), ct);

    public string Heading => List.Only switch
    {
        "vedtak" => $"Alle saker med vedtak om {List.Item}",
        "siden" => $"Alle saker om {List.Item} siden forrige møte",
        _ => $"Alle saker som berørte {List.Item}",
    };

    public string PageUrl(int page) =>
        $"{Format.ItemUrl(List.Kind, List.Item)}/saker?{(List.Only is null ? "" : $"utvalg={List.Only}&")}side={page}";
}
