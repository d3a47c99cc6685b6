using System.Text.RegularExpressions;

namespace Nuit.Portfolio.Features.Linking.Matching;

/// <summary>
/// Where a text holds URLs and e-mail addresses. A hit inside one is not a mention ("…/e-resept-og-sfm/…"), while
/// a bare domain in prose ("på helsenorge.no.") is: only a scheme, "www." or a path after the domain makes a URL.
/// </summary>
internal static partial class UrlSpans
{
    public static IReadOnlyList<Range> Find(string text)
    {
        if (!text.Contains('/', StringComparison.Ordinal) && !text.Contains('@', StringComparison.Ordinal)
            && !text.Contains("www.", StringComparison.OrdinalIgnoreCase))
            return [];
        return [.. UrlPattern().Matches(text).Select(m => new Range(m.Index, m.Index + m.Length))];
    }

    public static bool Overlaps(IReadOnlyList<Range> spans, int index, int length)
    {
        foreach (var span in spans)
            if (index < span.End.Value && span.Start.Value < index + length) return true;
        return false;
    }

    // scheme://…  |  www.…  |  domain.tld/path  |  name@domain.tld
    [GeneratedRegex(
        @"[a-z][a-z0-9+.\-]*://[^\s<>""«»]+" +
        @"|(?<![\p{L}\p{N}.])www\.[^\s<>""«»]+" +
        @"|(?<![\p{L}\p{N}.@\-])[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.[a-z]{2,}/[^\s<>""«»]*" +
        @"|[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
