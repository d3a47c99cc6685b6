using System.Net;
using System.Text.RegularExpressions;

namespace Nuit.Portfolio.IntegrationTests.Infrastructure;

/// <summary>Posting a Razor Pages form as a browser does (with the antiforgery token from the page it came from), and reading pages as text.</summary>
internal static partial class Forms
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await (await client.GetAsync(new Uri(page, UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        return TokenInput().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"Ingen antiforgery-token på {page}:\n{html}");
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await AntiforgeryTokenAsync(client, page);
        var content = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content, Ct);
    }

    /// <summary>
    /// A response's text as a person reads it (Razor encodes æøå and «» as character references), after checking its status.
    /// After a post with a redirect-following client this is the page the browser ends on.
    /// </summary>
    public static async Task<string> Text(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.Equal(status, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A page's text; it must answer 200 OK.</summary>
    public static async Task<string> Page(HttpClient client, string url) =>
        await Text(await client.GetAsync(new Uri(url, UriKind.Relative), Ct));

    /// <summary>The validation message shown next to a field.</summary>
    public static Regex FieldError(string field, string text) =>
        new($"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>[^<]*{Regex.Escape(text)}");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
