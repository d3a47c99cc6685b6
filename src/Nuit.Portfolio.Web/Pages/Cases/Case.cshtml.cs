using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Meetings;

namespace Nuit.Portfolio.Web.Pages.Cases;

public sealed class CaseModel(ISender sender) : PageModel
{
    public CaseDetail Case { get; private set; } = null!;
    public IReadOnlyList<CaseItemLink> Links { get; private set; } = [];
    public IReadOnlyList<Treatment> Chain { get; private set; } = [];

    public async Task OnGetAsync(string body, string number, CancellationToken ct)
    {
        var key = $"{body} {number}";
        Case = await sender.Send(new GetCase(key), ct);
        Links = await sender.Send(new GetCaseLinks(key), ct);
        Chain = await sender.Send(new GetTreatmentChain(key), ct);
    }
}
