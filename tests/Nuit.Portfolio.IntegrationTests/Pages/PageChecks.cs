using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Nuit.Portfolio.IntegrationTests.Pages;

/// <summary>
/// What every page must keep: Norwegian language, one main heading, labelled fields, image texts, antiforgery on
/// every POST form, nothing the content security policy forbids (inline script or style, event attributes), table
/// headers, status badges that say their status in words (not only colour), and dates shown the Norwegian way.
/// </summary>
internal static partial class PageChecks
{
    public static IEnumerable<string> Problems(IHtmlDocument page)
    {
        if (page.DocumentElement.GetAttribute("lang") != "nb") yield return "<html> mangler lang=\"nb\"";

        var h1 = page.QuerySelectorAll("h1").Length;
        if (h1 != 1) yield return $"{h1} <h1> (skal være nøyaktig én)";

        foreach (var field in page.QuerySelectorAll("input, select, textarea").Where(Visible).Where(f => !Labelled(page, f)))
            yield return $"felt uten etikett: {Describe(field)}";

        foreach (var img in page.QuerySelectorAll("img:not([alt])")) yield return $"bilde uten alt: {Describe(img)}";

        foreach (var form in page.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            if (form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]") is null)
                yield return $"POST-skjema uten antiforgery-token: {Describe(form)}";

        foreach (var script in page.QuerySelectorAll("script:not([src])").Where(s => s.TextContent.Trim().Length > 0))
            yield return $"inline <script>: {Shorten(script.TextContent)}";
        foreach (var style in page.QuerySelectorAll("style")) yield return $"<style>-element: {Shorten(style.TextContent)}";
        foreach (var element in page.All)
        {
            if (element.HasAttribute("style")) yield return $"style-attributt: {Describe(element)}";
            foreach (var attribute in element.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
                yield return $"hendelsesattributt {attribute.Name}: {Describe(element)}";
        }

        foreach (var table in page.QuerySelectorAll("table").Where(t => t.QuerySelector("th") is null))
            yield return $"tabell uten <th>: {Describe(table)}";

        foreach (var rag in page.QuerySelectorAll(".rag").Where(r => r.TextContent.Trim().Length == 0))
            yield return $"statusmerke uten tekst: {Describe(rag)}";

        foreach (var date in IsoDates(page)) yield return $"ISO-dato i teksten (skal være norsk): «{date}»";
    }

    private static bool Visible(IElement field) =>
        field is not IHtmlInputElement { Type: "hidden" or "submit" or "button" or "reset" or "image" } && !field.HasAttribute("hidden");

    private static bool Labelled(IHtmlDocument page, IElement field) =>
        field.Closest("label") is not null
        || (field.Id is { Length: > 0 } id && page.QuerySelectorAll("label").Any(l => l.GetAttribute("for") == id))
        || field.GetAttribute("aria-label") is { Length: > 0 }
        || (field.GetAttribute("aria-labelledby") is { Length: > 0 } ids && ids.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(i => page.GetElementById(i) is not null));

    /// <summary>Dates in the visible text, outside code and preformatted text (where ISO is the point, e.g. a file format).</summary>
    private static IEnumerable<string> IsoDates(IHtmlDocument page) =>
        page.Body!.Descendants<IText>()
            .Where(t => t.ParentElement?.Closest("code, pre, script, style, kbd, samp") is null)
            .SelectMany(t => IsoDate().Matches(t.Data).Select(m => m.Value))
            .Distinct();

    private static string Describe(IElement element)
    {
        var html = element.OuterHtml;
        var start = html.IndexOf('>', StringComparison.Ordinal);
        return Shorten(start > 0 ? html[..(start + 1)] : html);
    }

    private static string Shorten(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return oneLine.Length <= 120 ? oneLine : oneLine[..120] + "…";
    }

    [GeneratedRegex(@"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])")]
    private static partial Regex IsoDate();
}
