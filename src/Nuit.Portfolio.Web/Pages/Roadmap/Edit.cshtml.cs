using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Roadmap;

namespace Nuit.Portfolio.Web.Pages.Roadmap;

/// <summary>
/// Add or edit a goal, sub-goal, initiative or indicator; retire it; add and move an initiative's milestones.
/// Each post sends one command; a refusal is shown next to its field and nothing is saved.
/// </summary>
public sealed class EditModel(ISender sender) : PageModel
{
    [BindProperty] public ItemForm Input { get; set; } = new();
    [BindProperty] public MilestoneForm Milestone { get; set; } = new();

    public ItemEditView? Item { get; private set; }
    public IReadOnlyList<MilestoneRow> Milestones { get; private set; } = [];
    public RoadmapItemKind Kind { get; private set; }
    public bool IsNew => Item is null;

    /// <summary>goal, subgoal, initiative or indicator: the «kind» a new item's form posts back.</summary>
    public string KindCode => Kind switch
    {
        RoadmapItemKind.Goal => "goal", RoadmapItemKind.SubGoal => "subgoal", RoadmapItemKind.Indicator => "indicator", _ => "initiative",
    };

    public static readonly IReadOnlyList<string> Phases = ["Konsept", "Nasjonal utvikling", "Tilpasning", "Innføring", "Ny praksis i bruk"];

    public async Task<IActionResult> OnGetAsync(string? code, string? kind, CancellationToken ct)
    {
        await LoadAsync(code, kind, ct);
        if (Item is { } i) Input = ItemForm.From(i);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? code, string? kind, CancellationToken ct)
    {
        await LoadAsync(code, kind, ct);
        var aliases = RoadmapForms.Split(Input.Aliases, ';');
        try
        {
            var result = (Item, Kind) switch
            {
                (null, RoadmapItemKind.Goal) => await sender.Send(new AddGoal(Input.Code ?? "", Input.Name ?? "", Input.Description, aliases), ct),
                (null, RoadmapItemKind.SubGoal) => await sender.Send(new AddSubGoal(Input.Code ?? "", Input.Goal ?? "", Input.Name ?? "", Input.Description, aliases), ct),
                (null, RoadmapItemKind.Initiative) => await sender.Send(new AddInitiative(Input.Code ?? "", Input.Name ?? "", Input.Owner, Input.Phase,
                    RoadmapForms.Split(Input.SubGoals, ','), Input.Goal, aliases, Input.Description), ct),
                (null, _) => await sender.Send(new AddIndicator(Input.Code ?? "", Input.Goal ?? "", Input.Name ?? "", Input.Unit ?? "", Input.Direction ?? "higher", "year",
                    Input.Source, null, Tolerance(), Input.Description, aliases), ct),
                ({ } i, RoadmapItemKind.Initiative) => await sender.Send(new EditInitiative(i.Code, Input.Name ?? "", Input.Owner ?? "", Input.Phase ?? "", Input.Status,
                    RoadmapForms.Split(Input.SubGoals, ','), Input.Goal, aliases, Input.Description ?? "", Input.Version), ct),
                ({ } i, RoadmapItemKind.Indicator) => await sender.Send(new EditIndicator(i.Code, Input.Name ?? "", Input.Unit ?? "", Input.Direction, null,
                    Input.Source ?? "", null, Tolerance(), Input.Description ?? "", aliases, Input.Version), ct),
                ({ } i, _) => await sender.Send(new EditItem(i.Code, i.Kind, Input.Name ?? "", Input.Description ?? "", aliases, Input.Version), ct),
            };
            TempData["Melding"] = result.Changes.Count == 0 ? $"{result.Code}: ingen endringer." : $"{result.Code} er lagret ({result.Changes.Count} endringer).";
            return Redirect($"/roadmap/edit/{result.Code}");
        }
        catch (Exception ex) when (FormErrors.TryAdd(ModelState, ex, nameof(Input)))
        {
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRetireAsync(string code, string? reason, CancellationToken ct)
    {
        await LoadAsync(code, null, ct);
        Input = ItemForm.From(Item!);
        try
        {
            await sender.Send(new RetireItem(code, null, reason, Item!.Version), ct);
            TempData["Melding"] = $"{Item.Code} er avviklet.";
            return Redirect($"/roadmap/edit/{Item.Code}");
        }
        catch (Exception ex) when (FormErrors.TryAdd(ModelState, ex, "Retire"))
        {
            return Page();
        }
    }

    public async Task<IActionResult> OnPostMilestoneAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, null, ct);
        Input = ItemForm.From(Item!);
        try
        {
            if (Milestone.Id is { } id)
                await sender.Send(new EditMilestone(id, Milestone.Name, Milestone.Planned ?? "", Milestone.Forecast ?? "", Milestone.Actual ?? "", Milestone.Source ?? "",
                    Milestone.Version), ct);
            else
                await sender.Send(new AddMilestone(code, Milestone.Name ?? "", Milestone.Planned, Milestone.Forecast, Milestone.Actual, Milestone.Source), ct);
            TempData["Melding"] = $"Milepælen «{Milestone.Name}» er lagret.";
            return Redirect($"/roadmap/edit/{Item!.Code}#milepaeler");
        }
        catch (Exception ex) when (FormErrors.TryAdd(ModelState, ex, nameof(Milestone)))
        {
            return Page();
        }
    }

    private async Task LoadAsync(string? code, string? kind, CancellationToken ct)
    {
        if (code is not null)
        {
            Item = await sender.Send(new GetItemForEdit(code), ct);
            Kind = Item.Kind;
            if (Kind == RoadmapItemKind.Initiative) Milestones = await sender.Send(new ListMilestones(Item.Code), ct);
        }
        else Kind = kind switch { "goal" => RoadmapItemKind.Goal, "subgoal" => RoadmapItemKind.SubGoal, "indicator" => RoadmapItemKind.Indicator, _ => RoadmapItemKind.Initiative };
    }

    /// <summary>The threshold is typed as a percentage (15), stored as a share (0.15).</summary>
    private decimal? Tolerance()
    {
        if (string.IsNullOrWhiteSpace(Input.AmberPercent)) return null;
        if (decimal.TryParse(Input.AmberPercent.Replace(',', '.').TrimEnd('%', ' '), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p)) return p / 100m;
        throw new Common.InputException("skjemaet", "felt amberPercent", $"«{Input.AmberPercent}» er ikke et tall; skriv f.eks. 15.");
    }

    public sealed class ItemForm
    {
        public string? Code { get; set; }
        public string? Goal { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Aliases { get; set; }
        public string? Owner { get; set; }
        public string? Phase { get; set; }
        public string? Status { get; set; }
        public string? SubGoals { get; set; }
        public string? Unit { get; set; }
        public string? Direction { get; set; }
        public string? Source { get; set; }
        public string? AmberPercent { get; set; }
        public Guid? Version { get; set; }

        public static ItemForm From(ItemEditView i) => new()
        {
            Code = i.Code, Goal = i.Goal, Name = i.Name, Description = i.Description, Aliases = string.Join("; ", i.Aliases), Owner = i.Owner,
            Phase = i.Phase, Status = i.Status, SubGoals = string.Join(", ", i.SubGoals), Unit = i.Unit, Direction = i.Direction, Source = i.Source,
            AmberPercent = i.AmberTolerance is { } t ? (t * 100m).ToString("0.##", CultureInfo.InvariantCulture) : null, Version = i.Version,
        };
    }

    public sealed class MilestoneForm
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? Planned { get; set; }
        public string? Forecast { get; set; }
        public string? Actual { get; set; }
        public string? Source { get; set; }
        public Guid? Version { get; set; }
    }
}
