using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>What changed from one plan year to another.</summary>
public sealed record PlanDiff(
    int From, string FromName, int To, string ToName,
    IReadOnlyList<DiffItem> Added, IReadOnlyList<DiffItem> Removed, IReadOnlyList<FieldChange> Changed,
    IReadOnlyList<MilestoneChange> Milestones, IReadOnlyList<TargetChange> Targets)
{
    public bool IsEmpty => Added.Count + Removed.Count + Changed.Count + Milestones.Count + Targets.Count == 0;
}

public sealed record DiffItem(string Code, string Kind, string Name);

public sealed record FieldChange(string Code, string Kind, string Field, string? Old, string? New);

/// <summary>Change is «ny», «fjernet», «flyttet» (planned or forecast moved), «levert» (actual set) or «endret» (renamed).</summary>
public sealed record MilestoneChange(
    string Initiative, string Name, string Change, DateOnly? OldPlanned, DateOnly? NewPlanned,
    DateOnly? OldForecast, DateOnly? NewForecast, DateOnly? OldActual, DateOnly? NewActual)
{
    /// <summary>Days the milestone moved: forecast (or else planned) of the new plan against the old; null when not comparable.</summary>
    public int? DaysMoved => (OldForecast ?? OldPlanned, NewForecast ?? NewPlanned) is ({ } a, { } b) ? b.DayNumber - a.DayNumber : null;
}

public sealed record TargetChange(string Indicator, string Period, decimal? Old, decimal? New);

/// <summary>
/// Compares two plan snapshots. Pure: snapshots in, differences out, in a stable order. An item retired in
/// the newer plan counts as removed, one brought back as added; items match by code (codes are stable),
/// milestones by id, targets by indicator and period.
/// </summary>
public static class PlanComparer
{
    public static PlanDiff Compare(PlanSnapshot from, PlanSnapshot to)
    {
        var before = from.Items.Where(i => !i.Retired).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var after = to.Items.Where(i => !i.Retired).ToDictionary(i => i.Code, StringComparer.Ordinal);

        var added = after.Values.Where(i => !before.ContainsKey(i.Code)).Select(Ref).OrderBy(Order).ToList();
        var removed = before.Values.Where(i => !after.ContainsKey(i.Code)).Select(Ref).OrderBy(Order).ToList();
        var changed = new List<FieldChange>();
        foreach (var a in after.Values.OrderBy(i => KindOrder(i.Kind)).ThenBy(i => i.Code, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(a.Code, out var b)) continue;
            void Field(string field, string? old, string? @new)
            {
                if (!string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) changed.Add(new FieldChange(a.Code, a.Kind, field, old, @new));
            }
            Field("navn", b.Name, a.Name);
            Field("beskrivelse", b.Description, a.Description);
            Field("mål", b.Goal, a.Goal);
            Field("aliaser", string.Join(", ", b.Aliases), string.Join(", ", a.Aliases));
            Field("eier", b.Owner, a.Owner);
            Field("fase", b.Phase, a.Phase);
            Field("status", b.Status, a.Status);
            Field("delmål", b.SubGoals is null ? null : string.Join(", ", b.SubGoals), a.SubGoals is null ? null : string.Join(", ", a.SubGoals));
            Field("enhet", b.Unit, a.Unit);
            Field("retning", b.Direction, a.Direction);
            Field("kilde", b.Source, a.Source);
            Field("terskel gul", b.AmberTolerance is { } x ? RoadmapEdits.Invariant(x) : null, a.AmberTolerance is { } y ? RoadmapEdits.Invariant(y) : null);
        }

        var oldMilestones = from.Milestones.ToDictionary(m => m.Id);
        var newMilestones = to.Milestones.ToDictionary(m => m.Id);
        var milestones = new List<MilestoneChange>();
        foreach (var m in to.Milestones)
        {
            if (!oldMilestones.TryGetValue(m.Id, out var o))
            {
                milestones.Add(new MilestoneChange(m.Initiative, m.Name, "ny", null, m.Planned, null, m.Forecast, null, m.Actual));
                continue;
            }
            var change = o.Actual is null && m.Actual is not null ? "levert"
                : o.Planned != m.Planned || o.Forecast != m.Forecast || o.Actual != m.Actual ? "flyttet"
                : o.Name != m.Name ? "endret"
                : null;
            if (change is not null)
                milestones.Add(new MilestoneChange(m.Initiative, m.Name, change, o.Planned, m.Planned, o.Forecast, m.Forecast, o.Actual, m.Actual));
        }
        milestones.AddRange(from.Milestones.Where(o => !newMilestones.ContainsKey(o.Id))
            .Select(o => new MilestoneChange(o.Initiative, o.Name, "fjernet", o.Planned, null, o.Forecast, null, o.Actual, null)));

        var oldTargets = from.Targets.ToDictionary(t => (t.Indicator, t.Period));
        var newTargets = to.Targets.ToDictionary(t => (t.Indicator, t.Period));
        var targets = oldTargets.Keys.Union(newTargets.Keys)
            .Select(k => new TargetChange(k.Indicator, k.Period, oldTargets.GetValueOrDefault(k)?.Value, newTargets.GetValueOrDefault(k)?.Value))
            .Where(t => t.Old != t.New)
            .OrderBy(t => t.Indicator, StringComparer.Ordinal).ThenBy(t => Period.TryParse(t.Period, out var p) ? p : default)
            .ToList();

        return new PlanDiff(from.PlanYear, from.PlanName, to.PlanYear, to.PlanName, added, removed, changed,
            [.. milestones.OrderBy(m => m.Initiative, StringComparer.Ordinal).ThenBy(m => m.NewPlanned ?? m.OldPlanned ?? DateOnly.MaxValue).ThenBy(m => m.Name, StringComparer.Ordinal)],
            targets);
    }

    private static DiffItem Ref(SnapshotItem i) => new(i.Code, i.Kind, i.Name);

    private static (int, string) Order(DiffItem i) => (KindOrder(i.Kind), i.Code);

    private static int KindOrder(string kind) => kind switch { "goal" => 1, "subgoal" => 2, "initiative" => 3, _ => 4 };
}
