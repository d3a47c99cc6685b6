using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.Features.Strategy;

namespace Nuit.Portfolio.Web.Pages.Items;

/// <summary>The page of a goal, sub-goal or initiative: status history, milestones, indicators and the cases that touched it.</summary>
public sealed class ItemModel(ISender sender) : PageModel
{
    public ItemOverview Item { get; private set; } = null!;
    public IReadOnlyList<TouchingCase> Cases { get; private set; } = [];
    public StatusHistory Status { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> Changes { get; private set; } = [];

    public async Task OnGetAsync(string kind, string code, CancellationToken ct)
    {
        Item = await sender.Send(new GetItemOverview(code, KindOf(kind)), ct);
        Cases = await sender.Send(new CasesTouching(Item.Code, "suggested,confirmed,rejected"), ct);
        Status = await sender.Send(new GetStatusHistory(Item.Code), ct);
        Changes = await sender.Send(new GetAuditTrail(Item.Code, Limit: 50), ct);
    }

    /// <summary>Confirm or reject one case's link; the version seen guards against overwriting someone else's decision.</summary>
    public async Task<IActionResult> OnPostDecideAsync(string kind, string code, string caseKey, string decision, Guid version, CancellationToken ct)
    {
        var what = decision == "reject" ? LinkDecision.Reject : LinkDecision.Confirm;
        try
        {
            await sender.Send(new DecideLink(caseKey, code, what, User.Identity?.Name ?? "nettleser", ExpectedVersion: version), ct);
            TempData["Melding"] = $"{caseKey} er {(what == LinkDecision.Reject ? "avvist" : "bekreftet")} for {code.ToUpperInvariant()}.";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Melding"] = $"Koblingen mellom {caseKey} og {code.ToUpperInvariant()} ble endret av noen andre mens du så på siden. Se gjeldende tilstand og prøv igjen.";
        }
        return Redirect($"/{kind}/{code}#saker");
    }

    public static RoadmapItemKind KindOf(string segment) => segment switch
    {
        "goals" => RoadmapItemKind.Goal,
        "subgoals" => RoadmapItemKind.SubGoal,
        _ => RoadmapItemKind.Initiative,
    };
}
