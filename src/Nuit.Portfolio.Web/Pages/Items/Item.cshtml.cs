using Microsoft.Extensions.Options;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.Features.Strategy;

using Nuit.Portfolio.Web.Jobs;

namespace Nuit.Portfolio.Web.Pages.Items;

/// <summary>
/// The page of a goal, sub-goal or initiative, answer first: summary, the cases that touched it, decisions, open action
/// points, status, indicators and milestones, and last the change history (for every reader). Editors also get, folded
/// under «Endre», the forms: register a quarter's status, link a case by hand, edit aliases, re-run the matcher.
/// Each post sends one command; a refusal is shown next to its field and nothing is saved.
/// </summary>
public sealed class ItemModel(ISender sender, TimeProvider clock, IOptions<ReportScheduleOptions> schedule) : PageModel
{
    public ItemOverview Item { get; private set; } = null!;
    public IReadOnlyList<TouchingCase> Cases { get; private set; } = [];
    public IReadOnlyList<ItemDecision> Decisions { get; private set; } = [];
    public ItemChanges SinceLastMeeting { get; private set; } = null!;
    public StatusHistory Status { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> Changes { get; private set; } = [];
    public IReadOnlyList<ActionPointRow> OpenActionPoints { get; private set; } = [];

    /// <summary>
    /// The lists that grow with the register show their newest rows only, with the full count and «Vis alle» beside them:
    /// a busy item's page held 4,000 rows (643 KB) on the synthetic register (issue 18; the lead's decision).
    /// </summary>
    public const int Newest = 50;

    /// <summary>Each growing list's full length, counted in SQL while only <see cref="Newest"/> rows are read.</summary>
    public ItemListCounts Counts { get; private set; } = null!;

    /// <summary>Suggestions nobody has confirmed or rejected yet: the work left on this item's links (all of them, not only those shown).</summary>
    public int ToReview => Counts.ToReview;

    /// <summary>Where «Vis alle» leads: every case of the item, a page at a time, narrowed to a section's cases by <paramref name="only"/>.</summary>
    public string AllCasesUrl(string? only = null) =>
        $"{Format.ItemUrl(Item.Kind, Item.Code)}/saker{(only is null ? "" : "?utvalg=" + only)}";

    /// <summary>
    /// The decision on a case listed under «Endret siden forrige møte», looked up by case key: searching the list for
    /// each case made the section quadratic, 1,600 cases cost 2.5 million comparisons per page (issue 18).
    /// The first decision listed for a case wins, as the search did.
    /// </summary>
    public ItemDecision? DecisionSince(string caseKey)
    {
        if (_decisionsSince is null)
        {
            _decisionsSince = new Dictionary<string, ItemDecision>(SinceLastMeeting.Decisions.Count, StringComparer.Ordinal);
            foreach (var d in SinceLastMeeting.Decisions) _decisionsSince.TryAdd(d.Case, d);
        }
        return _decisionsSince.GetValueOrDefault(caseKey);
    }

    private Dictionary<string, ItemDecision>? _decisionsSince;

    /// <summary>The «Endre» panel opens by itself when a form came back refused, so the reason is seen next to its field.</summary>
    public bool EditOpen => !ModelState.IsValid;

    [BindProperty] public StatusForm StatusInput { get; set; } = new();
    [BindProperty] public LinkForm LinkInput { get; set; } = new();
    [BindProperty] public AliasForm AliasInput { get; set; } = new();

    public async Task OnGetAsync(string kind, string code, CancellationToken ct)
    {
        Item = await sender.Send(new GetItemOverview(code, KindOf(kind)), ct);
        Cases = await sender.Send(new CasesTouching(Item.Code, "suggested,confirmed,rejected", Limit: Newest), ct);
        Decisions = await sender.Send(new DecisionsForItem(Item.Code, Newest), ct);
        SinceLastMeeting = await sender.Send(new ChangesSinceLastMeeting(Item.Code, Newest: Newest), ct);
        Status = await sender.Send(new GetStatusHistory(Item.Code, Revisions: false), ct);
        Changes = await sender.Send(new GetAuditTrail(Item.Code, Limit: 50), ct);
        OpenActionPoints = await sender.Send(new ListActionPoints { Item = Item.Code, OpenOnly = true, Limit = Newest }, ct);
        // The full counts are one more round trip, needed only where a list was cut: a list shorter than the cut is all
        // the rows there are, so it counts itself, and a page like the seed register's sends no more queries than before.
        Counts = new[] { Cases.Count, Decisions.Count, SinceLastMeeting.Cases.Count, SinceLastMeeting.ActionPoints.Count, OpenActionPoints.Count }.Any(n => n >= Newest)
            ? await sender.Send(new CountItemLists(Item.Code, SinceLastMeeting.Since), ct)
            : new ItemListCounts(Cases.Count, Cases.Count(c => c.State == LinkState.Suggested), Decisions.Count,
                SinceLastMeeting.Cases.Count, SinceLastMeeting.ActionPoints.Count, OpenActionPoints.Count);
        StatusInput.Quarter ??= StatusForm.DefaultQuarter(clock, schedule.Value);
    }

    public Task<IActionResult> OnPostStatusAsync(string kind, string code, CancellationToken ct) =>
        SaveAsync(kind, code, nameof(StatusInput), nameof(StatusForm.Quarter), "status", async () =>
        {
            var entry = await sender.Send(StatusInput.ToCommand(code), ct);
            return $"Status for {entry.Item} i {Format.Quarter(entry.Quarter)} er registrert: {entry.RagText}.";
        }, ct, nameof(StatusForm.Quarter), nameof(StatusForm.Rag), nameof(StatusForm.Text));

    public Task<IActionResult> OnPostLinkCaseAsync(string kind, string code, CancellationToken ct) =>
        SaveAsync(kind, code, nameof(LinkInput), nameof(LinkForm.Case), "saker", async () =>
        {
            var link = await sender.Send(LinkInput.ToCommand(LinkInput.Case ?? "", code), ct);
            return $"{LinkInput.Case?.Trim()} er koblet til {link.Item} og bekreftet.";
        }, ct, nameof(LinkForm.Case), nameof(LinkForm.Note));

    public Task<IActionResult> OnPostAliasesAsync(string kind, string code, CancellationToken ct) =>
        SaveAsync(kind, code, nameof(AliasInput), nameof(AliasForm.Add), "aliaser", async () =>
        {
            var result = await sender.Send(AliasInput.ToCommand(code), ct);
            var what = string.IsNullOrWhiteSpace(AliasInput.Add) ? $"«{AliasInput.Remove?.Trim()}» er fjernet" : $"«{AliasInput.Add.Trim()}» er lagt til";
            return $"Aliaset {what} for {result.Item}. {RefreshText(result.Refresh)}";
        }, ct, nameof(AliasForm.Add));

    /// <summary>Re-runs the matcher over every case; it takes no input, so there is nothing to refuse.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(string kind, string code, CancellationToken ct)
    {
        TempData["Melding"] = RefreshText(await sender.Send(new RefreshLinks(), ct));
        return Back(kind, code, "saker");
    }

    private LocalRedirectResult Back(string kind, string code, string section) => LocalRedirect($"/{kind}/{Uri.EscapeDataString(code)}#{section}");

    private static string RefreshText(LinkRefresh r) =>
        $"Koblingsforslagene er kjørt på nytt for {Format.Number(r.Cases)} saker: {Format.Number(r.Added)} nye forslag, {Format.Number(r.Updated)} oppdatert, {Format.Number(r.Removed)} fjernet.";

    /// <summary>Runs one form's command: on success back to the page's section with a message; on a refusal the page again, with the reason next to its field.</summary>
    private async Task<IActionResult> SaveAsync(string kind, string code, string prefix, string field, string section, Func<Task<string>> send, CancellationToken ct, params string[] formFields)
    {
        try
        {
            TempData["Melding"] = await send();
            return Back(kind, code, section);
        }
        catch (Exception ex) when (FormErrors.TryAdd(ModelState, ex, prefix, field, "", formFields))
        {
            await OnGetAsync(kind, code, ct);
            return Page();
        }
    }

    /// <summary>Confirm or reject one case's link; the version seen guards against overwriting someone else's decision.</summary>
    public async Task<IActionResult> OnPostDecideAsync(string kind, string code, string caseKey, string decision, Guid version, CancellationToken ct)
    {
        TempData["Melding"] = await ItemForms.DecideAsync(sender, caseKey, code, decision, version, ct);
        return Redirect($"/{kind}/{code}#saker");
    }

    public static RoadmapItemKind KindOf(string segment) => segment switch
    {
        "goals" => RoadmapItemKind.Goal,
        "subgoals" => RoadmapItemKind.SubGoal,
        _ => RoadmapItemKind.Initiative,
    };
}
