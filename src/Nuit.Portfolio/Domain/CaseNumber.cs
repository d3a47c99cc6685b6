using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Nuit.Portfolio.Domain;

/// <summary>
/// A case number as the council writes it: <c>31/24</c> (running number / two-digit year), or a sub-case
/// <c>39/19-2</c>. A number alone is not unique: each body has its own sequence, see <see cref="CaseKey"/>.
/// </summary>
public readonly partial record struct CaseNumber : IComparable<CaseNumber>, IParsable<CaseNumber>
{
    public CaseNumber(int sequence, int year, int? subNumber = null)
    {
        if (sequence is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "Løpenummeret må være mellom 1 og 9999.");
        if (year is < 1900 or > 2999) throw new ArgumentOutOfRangeException(nameof(year), year, "Året må være firesifret (1900–2999).");
        if (subNumber is < 1) throw new ArgumentOutOfRangeException(nameof(subNumber), subNumber, "Undersaksnummeret må være 1 eller mer.");
        Sequence = sequence;
        Year = year;
        SubNumber = subNumber;
    }

    public int Sequence { get; }

    /// <summary>Four-digit year; <c>24</c> in the text means 2024 (the council model started in 2017, and no case predates 2000).</summary>
    public int Year { get; }

    public int? SubNumber { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Sequence}/{Year % 100:00}{(SubNumber is { } s ? $"-{s}" : "")}");

    /// <summary>The number as it is written in a URL, where a slash cannot stand: <c>31-24</c>, <c>39-19-2</c>.</summary>
    public string ToUrlSegment() => ToString().Replace('/', '-');

    public int CompareTo(CaseNumber other) =>
        (Year, Sequence, SubNumber ?? 0).CompareTo((other.Year, other.Sequence, other.SubNumber ?? 0));

    public static CaseNumber Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var n)
            ? n
            : throw new FormatException($"'{s}' er ikke et gyldig saksnummer. Skriv det som 31/24 eller 39/19-2.");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CaseNumber result) => TryParse(s, out result);

    /// <summary>Accepts <c>31/24</c>, <c>31/2024</c>, <c>39/19-2</c> and the URL form <c>31-24</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out CaseNumber result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        var text = s.AsSpan().Trim();
        int seq, year;
        int? sub;
        // ASCII text is read by hand: the parser tries every number-like word it meets, and a Match with its groups and
        // strings for each was a good part of what it allocated (issue 17). Other digits (\d is any Unicode digit) keep
        // the pattern, and what it does with them.
        if (!Ascii.IsValid(text))
        {
            var m = Pattern().Match(s.Trim());
            if (!m.Success) return false;
            seq = int.Parse(m.Groups["seq"].Value, CultureInfo.InvariantCulture);
            var yearText = m.Groups["year"].Value;
            year = int.Parse(yearText, CultureInfo.InvariantCulture);
            if (yearText.Length == 2) year += 2000;
            sub = m.Groups["sub"].Success ? int.Parse(m.Groups["sub"].Value, CultureInfo.InvariantCulture) : null;
        }
        else if (!TryReadAscii(text, out seq, out year, out sub))
        {
            return false;
        }
        if (seq < 1 || year is < 1900 or > 2999 || sub is < 1) return false;
        result = new CaseNumber(seq, year, sub);
        return true;
    }

    /// <summary>What <see cref="Pattern"/> accepts, read from ASCII text: seq (1–4 digits), / or -, a year of 2 or 4 digits, an optional -sub.</summary>
    private static bool TryReadAscii(ReadOnlySpan<char> text, out int seq, out int year, out int? sub)
    {
        (seq, year, sub) = (0, 0, null);
        var seqLength = DigitRun(text);
        if (seqLength is < 1 or > 4 || seqLength >= text.Length || text[seqLength] is not ('/' or '-')) return false;
        var rest = text[(seqLength + 1)..];
        var yearLength = DigitRun(rest);
        if (yearLength is not (2 or 4)) return false;
        seq = int.Parse(text[..seqLength], CultureInfo.InvariantCulture);
        year = int.Parse(rest[..yearLength], CultureInfo.InvariantCulture) + (yearLength == 2 ? 2000 : 0);
        rest = rest[yearLength..];
        if (rest.IsEmpty) return true;
        if (rest[0] != '-') return false;
        var subLength = DigitRun(rest[1..]);
        if (subLength is < 1 or > 3 || subLength + 1 != rest.Length) return false;
        sub = int.Parse(rest[1..], CultureInfo.InvariantCulture);
        return true;
    }

    private static int DigitRun(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i;
    }

    [GeneratedRegex(@"^(?<seq>\d{1,4})[/-](?<year>\d{4}|\d{2})(?:-(?<sub>\d{1,3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>A case identified across bodies: <c>NUIT 31/24</c>, <c>NUFA 14/24</c>, <c>Nasjonalt e-helseråd 37/23</c>.</summary>
public readonly partial record struct CaseKey(BodyCode Body, CaseNumber Number) : IParsable<CaseKey>
{
    public override string ToString() => $"{Bodies.ShortName(Body)} {Number}";

    public static CaseKey Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var k)
            ? k
            : throw new FormatException($"'{s}' er ikke en gyldig sak. Skriv den som «NUIT 31/24».");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CaseKey result) => TryParse(s, out result);

    /// <summary>Accepts "NUIT 31/24", "NUFA, sak 14/24", "Nasjonalt e-helseråd, sak 37/23" and the URL form "NUIT/31-24".</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out CaseKey result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        var m = KeyPattern().Match(s.Trim());
        if (!m.Success || !Bodies.TryParse(m.Groups["body"].Value, out var body) || !CaseNumber.TryParse(m.Groups["num"].Value, out var number))
            return false;
        result = new CaseKey(body, number);
        return true;
    }

    [GeneratedRegex(@"^(?<body>.+?)(?:,?\s+sak)?[,]?[\s/]+(?<num>\d{1,4}[/-]\d{2,4}(?:-\d{1,3})?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
