using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Features.Strategy;
using Nuit.Portfolio.Web.Pages.Items;

namespace Nuit.Portfolio.Web.Pages.Cases;

/// <summary>One case with its documents, the roadmap items it touched, and (for Editors) «Koble til veikartet» to add a link by hand.</summary>
public sealed class CaseModel(ISender sender) : PageModel
{
    public CaseDetail Case { get; private set; } = null!;
    public IReadOnlyList<CaseItemLink> Links { get; private set; } = [];
    public IReadOnlyList<Treatment> Chain { get; private set; } = [];

    /// <summary>Codes offered in the item field's datalist (no script needed).</summary>
    public IReadOnlyList<ItemRef> Items { get; private set; } = [];

    [BindProperty] public LinkForm LinkInput { get; set; } = new();

    public async Task OnGetAsync(string body, string number, CancellationToken ct)
    {
        var key = $"{body} {number}";
        Case = await sender.Send(new GetCase(key), ct);
        Links = await sender.Send(new GetCaseLinks(key), ct);
        Chain = await sender.Send(new GetTreatmentChain(key), ct);
        Items = ItemForms.Choices(await sender.Send(new ListGoals(), ct));
    }

    /// <summary>Adds a confirmed link to the item typed; an unknown code gets the closest codes next to the field.</summary>
    public async Task<IActionResult> OnPostLinkAsync(string body, string number, CancellationToken ct)
    {
        try
        {
            var link = await sender.Send(LinkInput.ToCommand($"{body} {number}", LinkInput.Item ?? ""), ct);
            TempData["Melding"] = $"Saken er koblet til {link.Item} {link.Name} og bekreftet.";
            return LocalRedirect($"/cases/{Uri.EscapeDataString(body)}/{Uri.EscapeDataString(number)}#koblinger");
        }
        catch (Exception ex) when (FormErrors.TryAdd(ModelState, ex, nameof(LinkInput), nameof(LinkForm.Item), "", nameof(LinkForm.Item), nameof(LinkForm.Note)))
        {
            await OnGetAsync(body, number, ct);
            return Page();
        }
    }
}
