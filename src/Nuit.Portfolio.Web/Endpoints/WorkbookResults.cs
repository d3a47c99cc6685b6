using Nuit.Portfolio.Features.Roadmap;

namespace Nuit.Portfolio.Web.Endpoints;

internal static class WorkbookResults
{
    /// <summary>The workbook writers are synchronous (Files/Workbooks/XlsxWriter); a buffer keeps Kestrel's no-sync-IO rule and lets a failed export still answer with a problem.</summary>
    public static IResult File(WorkbookFile workbook)
    {
        var buffer = new MemoryStream();
        workbook.WriteTo(buffer);
        buffer.Position = 0;
        return TypedResults.File(buffer, workbook.ContentType, workbook.FileName);
    }
}
