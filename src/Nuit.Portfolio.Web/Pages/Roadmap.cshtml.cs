using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Strategy;

namespace Nuit.Portfolio.Web.Pages;

/// <summary>Goal → sub-goal → initiative, with each item's latest status; filters by owner, status and phase.</summary>
public sealed class RoadmapModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Phase { get; set; }

    public StrategyOverview Overview { get; private set; } = null!;
    public IReadOnlyDictionary<string, LatestStatus> Statuses { get; private set; } = null!;
    public IReadOnlyList<string> Owners { get; private set; } = [];
    public IReadOnlyList<string> Phases { get; } = Enum.GetValues<InitiativePhase>().Select(p => p.ToDisplayString()).ToList();

    public bool Filtered => Owner is not null || Status is not null || Phase is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overview = await sender.Send(new ListGoals(), ct);
        Statuses = await sender.Send(new GetLatestStatuses(), ct);
        Owners = AllInitiatives().Select(i => i.Owner).OfType<string>().Distinct().Order(StringComparer.Create(Format.NbNo, false)).ToList();
    }

    public RagStatus StatusOf(string code) => Statuses.TryGetValue(code, out var s) ? s.Rag : RagStatus.Grey;

    public bool Shows(InitiativeSummary i) =>
        (Owner is null || i.Owner == Owner)
        && (Phase is null || i.Phase == Phase)
        && (Status is null || StatusOf(i.Code).ToCode() == Status);

    private IEnumerable<InitiativeSummary> AllInitiatives() =>
        Overview.Goals.SelectMany(g => g.Initiatives.Concat(g.SubGoals.SelectMany(s => s.Initiatives))).Concat(Overview.UnplacedInitiatives);
}
