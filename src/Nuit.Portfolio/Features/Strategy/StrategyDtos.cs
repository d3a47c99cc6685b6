using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;

namespace Nuit.Portfolio.Features.Strategy;

// Read models shared by the strategy queries; the JSON API returns them as they are.

public sealed record InitiativeSummary(
    string Code, string Name, IReadOnlyList<string> Aliases, string? Owner, string? Phase, string Status,
    string? Goal, IReadOnlyList<string> SubGoals, bool Retired);

public sealed record SubGoalDto(string Code, string Name, string? Description, IReadOnlyList<InitiativeSummary> Initiatives);

/// <summary>
/// <see cref="Status"/> is for the latest reported period, judged against that period's target
/// (green, amber, red, grey = nothing reported, no-target); <see cref="StatusText"/> is the same in bokmål.
/// </summary>
public sealed record IndicatorSummary(
    string Code, string Name, string? Goal, string Unit, string Direction, string Periodicity, string? Source,
    PeriodValue? LatestValue, PeriodValue? LatestTarget, string Status, string StatusText);

public sealed record PeriodValue(string Period, decimal Value);

public sealed record GoalDto(
    string Code, string Name, IReadOnlyList<SubGoalDto> SubGoals,
    IReadOnlyList<InitiativeSummary> Initiatives, IReadOnlyList<IndicatorSummary> Indicators);

internal static class StrategyProjections
{
    public static InitiativeSummary ToSummary(this Initiative i) => new(
        i.Code, i.Name, i.Aliases, i.Owner, i.Phase?.ToDisplayString(), i.Status.ToString().ToLowerInvariant(),
        i.Goal?.Code, [.. i.SubGoals.OrderBy(s => s.Code).Select(s => s.Code)], i.RetiredAt is not null);

    public static IndicatorSummary ToSummary(this Indicator d)
    {
        var value = d.Values.OrderByDescending(v => Period.Parse(v.Period)).FirstOrDefault();
        var target = d.Targets.OrderByDescending(v => Period.Parse(v.Period)).FirstOrDefault();
        var status = IndicatorStatus.Derive(d, value?.Value, d.Targets.FirstOrDefault(t => t.Period == value?.Period)?.Value);
        return new IndicatorSummary(
            d.Code, d.Name, d.Goal?.Code, d.Unit,
            d.Direction == IndicatorDirection.HigherIsBetter ? "higher" : "lower",
            d.Periodicity == Periodicity.Year ? "year" : "quarter",
            d.Source,
            value is null ? null : new PeriodValue(value.Period, value.Value),
            target is null ? null : new PeriodValue(target.Period, target.Value),
            IndicatorStatus.ToCode(status), IndicatorStatus.ToText(status));
    }
}
