using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Meetings;

namespace Nuit.Portfolio.Web.Pages.Meetings;

public sealed class MeetingModel(ISender sender) : PageModel
{
    public MeetingDetail Meeting { get; private set; } = null!;

    /// <summary>Action points from earlier meetings that were still unfinished when this one met.</summary>
    public IReadOnlyList<ActionPointRow> CarriedOver { get; private set; } = [];

    public async Task OnGetAsync(string body, string number, CancellationToken ct)
    {
        Meeting = await sender.Send(new GetMeeting(body, number), ct);
        CarriedOver = await sender.Send(new ListActionPoints { CarriedInto = Meeting.Number }, ct);
    }
}
