using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Strategy;

namespace Nuit.Portfolio.Web.Pages;

/// <summary>Goal → sub-goal → initiative, with each item's latest status; filters by goal, owner, status and phase.</summary>
public sealed class RoadmapModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Phase { get; set; }

    /// <summary>Only this goal (the dashboard's counts link here with a goal and a status).</summary>
    [BindProperty(SupportsGet = true)] public string? Goal { get; set; }

    public StrategyOverview Overview { get; private set; } = null!;
    public IReadOnlyDictionary<string, LatestStatus> Statuses { get; private set; } = null!;
    public IReadOnlyList<string> Owners { get; private set; } = [];
    public IReadOnlyList<string> Phases { get; } = Enum.GetValues<InitiativePhase>().Select(p => p.ToDisplayString()).ToList();

    public bool Filtered => Owner is not null || Status is not null || Phase is not null || Goal is not null;

    public bool ShowsGoal(string code) => Goal is null || string.Equals(Goal, code, StringComparison.OrdinalIgnoreCase);

    /// <summary>With a status filter a sub-goal shows when it has that status itself or holds an initiative that has, so the list matches the dashboard's count.</summary>
    public bool ShowsSubGoal(SubGoalDto s)
    {
        if (Status is null && Owner is null && Phase is null) return true;
        var ownStatusCounts = Status is not null && Owner is null && Phase is null && StatusOf(s.Code).ToCode() == Status;
        return ownStatusCounts || s.Initiatives.Any(Shows);
    }

    /// <summary>«grønn» for the filter's status; an unknown word in the address is shown as typed rather than refused.</summary>
    public string StatusName => Status is null ? "" : RagStatuses.TryParse(Status, out var r) ? r.ToDisplayString().ToLowerInvariant() : Status;

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
