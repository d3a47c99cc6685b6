using System.Net.Http.Headers;

namespace Nuit.Portfolio.IntegrationTests.Infrastructure;

/// <summary>Excel workbooks in tests: edited with the OpenXml SDK as an owner would in Excel, and uploaded as a browser or script does.</summary>
internal static class Workbooks
{
    public static byte[] Edit(byte[] workbook, Action<XlsxBook> edit) => XlsxBook.Edit(workbook, edit);

    /// <summary>Edits one sheet, e.g. the indicator workbook's «Verdier».</summary>
    public static byte[] Edit(byte[] workbook, string sheet, Action<XlsxSheet> edit) => Edit(workbook, wb => edit(wb.Worksheet(sheet)));

    /// <summary>
    /// Posts a workbook as a multipart file in <paramref name="field"/>. For a page form, give the page it came from:
    /// its antiforgery token goes with it, as a browser sends it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string field, byte[] workbook, string fileName, string? antiforgeryPage = null)
    {
        using var form = new MultipartFormDataContent();
        if (antiforgeryPage is not null)
            form.Add(new StringContent(await Forms.AntiforgeryTokenAsync(client, antiforgeryPage)), "__RequestVerificationToken");
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, field, fileName);
        return await client.PostAsync(new Uri(url, UriKind.Relative), form, TestContext.Current.CancellationToken);
    }
}
