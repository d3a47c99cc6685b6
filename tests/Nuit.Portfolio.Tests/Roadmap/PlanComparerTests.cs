using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Roadmap;

namespace Nuit.Portfolio.Tests.Roadmap;

public sealed class PlanComparerTests
{
    private static readonly SnapshotItem Sfm = new("SFM", "initiative", "Sentral forskrivningsmodul", null, null, ["SFM"], false, Owner: "NHN", Phase: "Innføring", Status: "aktiv", SubGoals: []);
    private static readonly SnapshotItem Pll = new("PLL", "initiative", "Pasientens legemiddelliste", null, null, ["PLL"], false, Owner: "Helsedirektoratet", Status: "aktiv", SubGoals: []);
    private static readonly SnapshotMilestone Pilot = new(7, "SFM", "Pilot", new DateOnly(2025, 3, 1), null, null);

    private static PlanSnapshot Plan(int year, IReadOnlyList<SnapshotItem> items, IReadOnlyList<SnapshotMilestone>? milestones = null, IReadOnlyList<SnapshotTarget>? targets = null) =>
        new(year, $"Plan for realisering {year}", items, milestones ?? [], targets ?? []);

    [Fact]
    public void The_same_plan_has_no_differences()
    {
        var plan = Plan(2025, [Sfm, Pll], [Pilot], [new("DIGITAL-KONTAKT", "2025", 60)]);
        Assert.True(PlanComparer.Compare(plan, plan with { PlanYear = 2026 }).IsEmpty);
    }

    [Fact]
    public void Added_removed_and_retired_items_are_found_by_code()
    {
        var ny = new SnapshotItem("2A", "subgoal", "Nytt delmål", null, "M2", [], false);
        var diff = PlanComparer.Compare(Plan(2025, [Sfm, Pll]), Plan(2026, [Sfm, Pll with { Retired = true }, ny]));
        Assert.Equal(["2A"], diff.Added.Select(a => a.Code));
        Assert.Equal(["PLL"], diff.Removed.Select(a => a.Code));
        Assert.Empty(diff.Changed);
    }

    [Fact]
    public void Changed_fields_show_old_and_new()
    {
        var diff = PlanComparer.Compare(Plan(2025, [Sfm]), Plan(2026, [Sfm with { Name = "SFM – sentral forskrivningsmodul", Phase = "Ny praksis i bruk", SubGoals = ["2A"] }]));
        Assert.Equal(
            [("navn", "Sentral forskrivningsmodul", "SFM – sentral forskrivningsmodul"), ("fase", "Innføring", "Ny praksis i bruk"), ("delmål", "", "2A")],
            diff.Changed.Select(c => (c.Field, c.Old, c.New)));
    }

    [Fact]
    public void Milestones_match_by_id_so_a_moved_or_renamed_one_is_not_added_and_removed()
    {
        var moved = Pilot with { Name = "Pilot i Bergen", Forecast = new DateOnly(2025, 9, 1) };
        var delivered = new SnapshotMilestone(8, "SFM", "Utredning", new DateOnly(2024, 6, 1), null, new DateOnly(2024, 5, 20));
        var gone = new SnapshotMilestone(9, "SFM", "Droppet", null, null, null);
        var added = new SnapshotMilestone(10, "PLL", "Ny", new DateOnly(2026, 1, 1), null, null);
        var diff = PlanComparer.Compare(Plan(2025, [Sfm], [Pilot, delivered with { Actual = null }, gone]), Plan(2026, [Sfm], [moved, delivered, added]));

        Assert.Equal([("PLL", "Ny", "ny"), ("SFM", "Utredning", "levert"), ("SFM", "Pilot i Bergen", "flyttet"), ("SFM", "Droppet", "fjernet")],
            diff.Milestones.Select(m => (m.Initiative, m.Name, m.Change)));
        Assert.Equal(184, diff.Milestones.Single(m => m.Change == "flyttet").DaysMoved);
    }

    [Fact]
    public void Targets_added_changed_and_removed_are_listed_per_period()
    {
        var diff = PlanComparer.Compare(
            Plan(2025, [], targets: [new("DIGITAL-KONTAKT", "2025", 60), new("DIGITAL-KONTAKT", "2026", 62), new("HP-FORNOYD", "2025", 55)]),
            Plan(2026, [], targets: [new("DIGITAL-KONTAKT", "2025", 60), new("DIGITAL-KONTAKT", "2026", 65), new("DIGITAL-KONTAKT", "2027", 68)]));
        Assert.Equal([("DIGITAL-KONTAKT", "2026", (decimal?)62m, (decimal?)65m), ("DIGITAL-KONTAKT", "2027", null, 68m), ("HP-FORNOYD", "2025", 55m, null)],
            diff.Targets.Select(t => (t.Indicator, t.Period, t.Old, t.New)));
    }
}
