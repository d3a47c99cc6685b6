using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Indicators;

/// <summary>One period of an indicator: value and target side by side, with the status they give.</summary>
public sealed record IndicatorPeriodRow(
    Period Period, decimal? Value, decimal? Target, RagStatus? Status, string? Source, string? Note,
    string? TargetSetBy, DateTimeOffset? RecordedAt);

internal static class IndicatorPeriods
{
    /// <summary>Indicators with everything the show, status and export views need, in roadmap order.</summary>
    public static IQueryable<Indicator> WithPeriods(this IQueryable<Indicator> indicators) => indicators
        .Include(i => i.Values).Include(i => i.Targets).ThenInclude(t => t.SetByCase!.Body)
        .Include(i => i.Goal).Include(i => i.SubGoals)
        .OrderBy(i => i.Goal!.SortOrder).ThenBy(i => i.SortOrder).ThenBy(i => i.Code);

    /// <summary>Every period that has a value or a target (or both), oldest first, limited to [from, to].</summary>
    public static IReadOnlyList<IndicatorPeriodRow> Rows(Indicator d, Period? from = null, Period? to = null)
    {
        var values = d.Values.ToDictionary(v => v.Period);
        var targets = d.Targets.ToDictionary(t => t.Period);
        return [.. values.Keys.Union(targets.Keys)
            .Select(Period.Parse)
            .Where(p => (from is not { } f || p.CompareTo(f) >= 0) && (to is not { } t || p.CompareTo(t) <= 0))
            .Order()
            .Select(p =>
            {
                var v = values.GetValueOrDefault(p.ToString());
                var t = targets.GetValueOrDefault(p.ToString());
                return new IndicatorPeriodRow(
                    p, v?.Value, t?.Value, IndicatorStatus.Derive(d, v?.Value, t?.Value), v?.Source, v?.Note,
                    CaseName(t?.SetByCase), v?.RecordedAt);
            })];
    }

    public static string? CaseName(Case? c) =>
        c is null ? null : c.Body is { } b ? $"{Bodies.ShortName(b.Code)} {c.Number}" : c.Number;
}
