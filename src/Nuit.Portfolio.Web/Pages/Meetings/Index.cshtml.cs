using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Meetings;

namespace Nuit.Portfolio.Web.Pages.Meetings;

public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Meetings = await sender.Send(new ListMeetings(), ct);
}
