using System.Text.RegularExpressions;

namespace Nuit.Portfolio.IntegrationTests.Access;

/// <summary>Posting a Razor Pages form as a browser does: with the antiforgery token from the page it came from.</summary>
internal static partial class Forms
{
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await (await client.GetAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return TokenInput().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"Ingen antiforgery-token på {page}:\n{html}");
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await AntiforgeryTokenAsync(client, page);
        var content = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
