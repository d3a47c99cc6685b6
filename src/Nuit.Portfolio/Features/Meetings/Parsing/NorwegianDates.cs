using System.Globalization;
using System.Text.RegularExpressions;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>Dates and times as the council writes them: "5. september 2024", "24.4.2024", "28.08.24", "Kl. 09.00 – 16.00".</summary>
internal static partial class NorwegianDates
{
    private static readonly string[] Months =
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    /// <summary>1–12 for a Norwegian month name ("mai"), 0 for anything else.</summary>
    public static int MonthNumber(string name) => Array.IndexOf(Months, name.ToLowerInvariant()) + 1;

    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        if (LongDate().Match(text) is { Success: true } l)
        {
            var month = Array.IndexOf(Months, l.Groups["month"].Value.ToLowerInvariant()) + 1;
            return month > 0 && TryCreate(Int(l, "year"), month, Int(l, "day"), out date);
        }

        return NumericDate().Match(text) is { Success: true } n
            && TryCreate(FullYear(Int(n, "year")), Int(n, "month"), Int(n, "day"), out date);
    }

    /// <summary>
    /// A meeting header's date, also as archived copies damage it: a two-digit year ("27. mai 19") or none at all
    /// ("27. mai"), which is then <paramref name="year"/>, taken from the meeting number or the case numbers.
    /// </summary>
    public static bool TryParseHeaderDate(string text, int? year, out DateOnly date)
    {
        if (TryParseDate(text, out date)) return true;
        if (ShortLongDate().Match(text) is not { Success: true } m) return false;
        var month = Array.IndexOf(Months, m.Groups["month"].Value.ToLowerInvariant()) + 1;
        var y = m.Groups["year"].Success ? FullYear(Int(m, "year")) : year;
        return month > 0 && y is { } known && TryCreate(known, month, Int(m, "day"), out date);
    }

    /// <summary>Reads "09:00 – 16:00", "Kl. 09.00 – 16.00" or a single "09:00" (then <paramref name="end"/> is null).</summary>
    public static bool TryParseTimeRange(string text, out TimeOnly start, out TimeOnly? end)
    {
        start = default;
        end = null;
        var m = TimeRange().Match(text);
        if (!m.Success || !TryTime(m.Groups["h1"].Value, m.Groups["m1"].Value, out start)) return false;
        if (m.Groups["h2"].Success && TryTime(m.Groups["h2"].Value, m.Groups["m2"].Value, out var e)) end = e;
        return true;
    }

    public static bool TryParseTime(string text, out TimeOnly time)
    {
        time = default;
        var m = SingleTime().Match(text);
        return m.Success && TryTime(m.Groups["h"].Value, m.Groups["m"].Value, out time);
    }

    private static bool TryTime(string h, string m, out TimeOnly time)
    {
        time = default;
        var hour = int.Parse(h, CultureInfo.InvariantCulture);
        var minute = int.Parse(m, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59) return false;
        time = new TimeOnly(hour, minute);
        return true;
    }

    private static int FullYear(int year) => year < 100 ? 2000 + year : year;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 2999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    [GeneratedRegex(@"\b(?<day>\d{1,2})\.\s*(?<month>\p{L}+)\s+(?<year>\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex LongDate();

    [GeneratedRegex(@"\b(?<day>\d{1,2})\.\s*(?<month>\p{L}+)(?:\s+(?<year>\d{2}))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortLongDate();

    [GeneratedRegex(@"\b(?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{4}|\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<h1>\d{1,2})[:.](?<m1>\d{2})(?:\s*[–—-]\s*(?:[Kk]l\.?\s*)?(?<h2>\d{1,2})[:.](?<m2>\d{2}))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"^(?<h>\d{1,2})[:.](?<m>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex SingleTime();
}
