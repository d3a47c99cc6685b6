using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>The roadmap of one plan year as stored in <see cref="PlanVersion.Snapshot"/>: what the plan diff compares.</summary>
public sealed record PlanSnapshot(int PlanYear, string PlanName, IReadOnlyList<SnapshotItem> Items,
    IReadOnlyList<SnapshotMilestone> Milestones, IReadOnlyList<SnapshotTarget> Targets);

public sealed record SnapshotItem(
    string Code, string Kind, string Name, string? Description, string? Goal, IReadOnlyList<string> Aliases, bool Retired,
    string? Owner = null, string? Phase = null, string? Status = null, IReadOnlyList<string>? SubGoals = null,
    string? Unit = null, string? Direction = null, string? Source = null, decimal? AmberTolerance = null);

/// <summary>Milestones keep their database id, so a renamed milestone is still the same milestone in the diff.</summary>
public sealed record SnapshotMilestone(int Id, string Initiative, string Name, DateOnly? Planned, DateOnly? Forecast, DateOnly? Actual);

public sealed record SnapshotTarget(string Indicator, string Period, decimal Value);

internal static class PlanSnapshots
{
    /// <summary>Versioned with the format: a snapshot written today must read back after the entities grow.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(PlanSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Json);

    public static PlanSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize<PlanSnapshot>(json, Json) ?? throw new InvalidOperationException("Tom planversjon.");

    /// <summary>The live tables as a snapshot: the current plan year.</summary>
    public static async Task<PlanSnapshot> CaptureAsync(PortfolioDbContext db, int year, string name, CancellationToken ct)
    {
        var items = await db.RoadmapItems.AsNoTracking().Include(i => i.Goal).ToListAsync(ct);
        var subGoals = await db.Initiatives.AsNoTracking().Select(i => new { i.Code, SubGoals = i.SubGoals.Select(s => s.Code).ToList() })
            .ToDictionaryAsync(x => x.Code, x => x.SubGoals, ct);
        var milestones = await db.Milestones.AsNoTracking().Select(m => new SnapshotMilestone(m.Id, m.Initiative!.Code, m.Name, m.PlannedDate, m.ForecastDate, m.ActualDate))
            .ToListAsync(ct);
        var targets = await db.IndicatorTargets.AsNoTracking().Select(t => new SnapshotTarget(t.Indicator!.Code, t.Period, t.Value)).ToListAsync(ct);
        return new PlanSnapshot(year, name,
            [.. items.OrderBy(i => i.Kind).ThenBy(i => i.Code, StringComparer.Ordinal).Select(i => ToSnapshot(i, subGoals))],
            [.. milestones.OrderBy(m => m.Id)],
            [.. targets.OrderBy(t => t.Indicator, StringComparer.Ordinal).ThenBy(t => t.Period, StringComparer.Ordinal)]);
    }

    private static SnapshotItem ToSnapshot(RoadmapItem i, Dictionary<string, List<string>> subGoals)
    {
        var item = new SnapshotItem(i.Code, RoadmapEdits.KindCode(i.Kind), i.Name, i.Description, i.Goal?.Code, i.Aliases, i.RetiredAt is not null);
        return i switch
        {
            Initiative n => item with
            {
                Owner = n.Owner, Phase = n.Phase?.ToDisplayString(), Status = RoadmapEdits.StatusText(n.Status),
                SubGoals = [.. subGoals.GetValueOrDefault(n.Code, []).Order(StringComparer.Ordinal)],
            },
            Indicator d => item with
            {
                Unit = d.Unit, Direction = d.Direction == IndicatorDirection.HigherIsBetter ? "higher" : "lower", Source = d.Source, AmberTolerance = d.AmberTolerance,
            },
            _ => item,
        };
    }

    /// <summary>The plan of a year: live for the current plan year, the stored snapshot for a closed one.</summary>
    public static async Task<PlanSnapshot> LoadAsync(PortfolioDbContext db, int year, CancellationToken ct)
    {
        var strategy = await db.Strategies.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Det finnes ingen strategi ennå.");
        if (strategy.PlanYear == year) return await CaptureAsync(db, year, strategy.PlanName ?? $"Plan for realisering {year}", ct);
        var stored = await db.PlanVersions.AsNoTracking().FirstOrDefaultAsync(p => p.PlanYear == year, ct);
        if (stored is not null) return Deserialize(stored.Snapshot);
        var known = await db.PlanVersions.Select(p => p.PlanYear).ToListAsync(ct);
        if (strategy.PlanYear is { } current) known.Add(current);
        throw new NotFoundException($"Planåret {year} finnes ikke. Kjente planår: {string.Join(", ", known.Order())}.");
    }
}
