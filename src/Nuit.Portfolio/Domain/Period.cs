using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Nuit.Portfolio.Domain;

/// <summary>An indicator period: a year ("2023") or a quarter ("2025-Q1"). Text forms sort chronologically.</summary>
public readonly record struct Period : IComparable<Period>
{
    private Period(int year, Quarter? quarter)
    {
        Year = year;
        Quarter = quarter;
    }

    public int Year { get; }
    public Quarter? Quarter { get; }
    public bool IsYear => Quarter is null;

    public static Period OfYear(int year) =>
        year is < Domain.Quarter.MinYear or > Domain.Quarter.MaxYear
            ? throw new ArgumentOutOfRangeException(nameof(year), year, "Ugyldig år.")
            : new Period(year, null);

    public static Period Of(Quarter quarter) => new(quarter.Year, quarter);

    public DateOnly LastDay => Quarter?.LastDay ?? new DateOnly(Year, 12, 31);

    public override string ToString() => Quarter?.ToString() ?? Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>By the last day covered; a year sorts after its own fourth quarter.</summary>
    public int CompareTo(Period other) => (LastDay, IsYear).CompareTo((other.LastDay, other.IsYear));

    public static Period Parse(string s) =>
        TryParse(s, out var p) ? p : throw new FormatException($"'{s}' er ikke en gyldig periode. Skriv 2023 eller 2025-Q1.");

    public static bool TryParse([NotNullWhen(true)] string? s, out Period result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        var t = s.Trim();
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= Domain.Quarter.MinYear and <= Domain.Quarter.MaxYear)
        {
            result = new Period(year, null);
            return true;
        }
        if (Domain.Quarter.TryParse(t, out var q))
        {
            result = Of(q);
            return true;
        }
        return false;
    }
}
