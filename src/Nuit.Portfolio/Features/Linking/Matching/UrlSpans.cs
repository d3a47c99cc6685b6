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
        // A URL never contains whitespace, so only whitespace-free runs holding '/', '@' or "www." are handed to the
        // regex. Running it over the whole text cost more than all the alias patterns together.
        List<Range>? spans = null;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
            var run = text.AsSpan(i, end - i);
            if (run.IndexOfAny('/', '@') >= 0 || run.Contains("www.", StringComparison.OrdinalIgnoreCase))
                for (var m = UrlPattern().Match(text, i, end - i); m.Success; m = m.NextMatch())
                    (spans ??= []).Add(new Range(m.Index, m.Index + m.Length));
            i = end;
        }
        return spans ?? (IReadOnlyList<Range>)[];
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
