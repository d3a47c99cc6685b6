using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Nuit.Portfolio.Domain;

/// <summary>A calendar quarter, written <c>2025-Q1</c> in files and APIs and "1. kvartal 2025" on screen.</summary>
public readonly partial record struct Quarter : IComparable<Quarter>, IParsable<Quarter>
{
    public const int MinYear = 1900;
    public const int MaxYear = 2999;

    public Quarter(int year, int number)
    {
        if (year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Året må være mellom {MinYear} og {MaxYear}.");
        if (number is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(number), number, "Kvartalet må være 1, 2, 3 eller 4.");
        Year = year;
        Number = number;
    }

    public int Year { get; }
    public int Number { get; }

    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);
    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public static Quarter FromDate(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);
    public static Quarter FromDate(DateTime date) => FromDate(DateOnly.FromDateTime(date));

    /// <summary>
    /// The quarter that ended most recently in the council's own time zone (on 1 April 06:00 in Oslo: Q1), not the
    /// server's, which may be UTC. The scheduled report, the reports page and the status forms all default to it.
    /// </summary>
    public static Quarter LastEnded(DateTimeOffset now, string timeZone) =>
        FromDate(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime)).Previous();

    public Quarter Next() => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);
    public Quarter Previous() => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));
    public static bool operator <(Quarter a, Quarter b) => a.CompareTo(b) < 0;
    public static bool operator >(Quarter a, Quarter b) => a.CompareTo(b) > 0;
    public static bool operator <=(Quarter a, Quarter b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Quarter a, Quarter b) => a.CompareTo(b) >= 0;

    /// <summary>ISO-like form used in files, URLs and APIs: <c>2025-Q1</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");

    /// <summary>Bokmål form for screens: "1. kvartal 2025".</summary>
    public string ToDisplayString() => string.Create(CultureInfo.InvariantCulture, $"{Number}. kvartal {Year}");

    public static Quarter Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var q)
            ? q
            : throw new FormatException($"'{s}' er ikke et gyldig kvartal. Skriv det som 2025-Q1.");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Quarter result) =>
        TryParse(s, out result);

    /// <summary>Accepts <c>2025-Q1</c>, <c>2025Q1</c>, <c>Q1-2025</c> and "1. kvartal 2025" (any case).</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out Quarter result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        var m = Pattern().Match(s.Trim());
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y1"].Success ? m.Groups["y1"].Value : m.Groups["y2"].Success ? m.Groups["y2"].Value : m.Groups["y3"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(m.Groups["q1"].Success ? m.Groups["q1"].Value : m.Groups["q2"].Success ? m.Groups["q2"].Value : m.Groups["q3"].Value, CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear) return false;
        result = new Quarter(year, number);
        return true;
    }

    [GeneratedRegex(@"^(?:(?<y1>\d{4})-?Q(?<q1>[1-4])|Q(?<q2>[1-4])-?(?<y2>\d{4})|(?<q3>[1-4])\.\s*kvartal\s+(?<y3>\d{4}))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
