using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Indicators;

/// <summary>Status of one period: the value measured against the target of the same period.</summary>
public static class IndicatorStatus
{
    /// <summary>
    /// Grey when no value was reported; null when there is a value but no target to judge it by
    /// (nothing to be green or red against). Otherwise green at or past the target in the indicator's
    /// direction, amber when short of it by at most <paramref name="amberTolerance"/> of the target
    /// (0.15 = 15 %), red beyond.
    /// </summary>
    public static RagStatus? Derive(decimal? value, decimal? target, IndicatorDirection direction, decimal amberTolerance)
    {
        if (value is not { } v) return RagStatus.Grey;
        if (target is not { } t) return null;
        var shortfall = direction == IndicatorDirection.HigherIsBetter ? t - v : v - t;
        if (shortfall <= 0) return RagStatus.Green;
        // Tolerance is a share of the target's size, so a target of 0 or below still has a band.
        return shortfall <= Math.Abs(t) * amberTolerance ? RagStatus.Amber : RagStatus.Red;
    }

    public static RagStatus? Derive(Indicator indicator, decimal? value, decimal? target) =>
        Derive(value, target, indicator.Direction, indicator.AmberTolerance);

    /// <summary>Bokmål text for a status; a status is always written as text, never as colour alone.</summary>
    public static string ToText(RagStatus? status) => status?.ToDisplayString() ?? "Uten mål";

    /// <summary>Code for files and APIs: green, amber, red, grey, or "no-target".</summary>
    public static string ToCode(RagStatus? status) => status?.ToCode() ?? "no-target";
}
