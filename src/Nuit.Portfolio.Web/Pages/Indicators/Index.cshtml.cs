using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Strategy;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Pages.Indicators;

public sealed class IndexModel(ISender sender, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];

    /// <summary>Editors get the link to the workbook import; readers only the download.</summary>
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Indicators = await sender.Send(new ListIndicators(), ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
    }
}
