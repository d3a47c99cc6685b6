using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Meetings;

namespace Nuit.Portfolio.Web.Pages.Meetings;

public sealed class MeetingModel(ISender sender) : PageModel
{
    public MeetingDetail Meeting { get; private set; } = null!;

    public async Task OnGetAsync(string body, string number, CancellationToken ct) =>
        Meeting = await sender.Send(new GetMeeting(body, number), ct);
}
