namespace Nuit.Portfolio.Rendering.Workbooks;

/// <summary>Picks the writer: ClosedXML for ordinary exports, the streaming writer when the Verdier sheet is large.</summary>
public static class IndicatorWorkbookWriter
{
    /// <summary>
    /// ClosedXML keeps every cell in memory. Measured with the bench harness (docs/benchmarks.md):
    /// 20,000 rows 3.3 s / 270 MB, 50,000 rows 8.4 s / 500 MB, 200,000 rows 23.5 s / 1.7 GB. Below
    /// this many value rows it is quick enough, and its output is the reference the streaming writer copies.
    /// </summary>
    public const int StreamingThreshold = 20_000;

    public static void Write(IndicatorWorkbook model, Stream output)
    {
        if (model.ValueCount > StreamingThreshold) StreamingIndicatorWorkbookWriter.Write(model, output);
        else ClosedXmlIndicatorWorkbookWriter.Write(model, output);
    }
}
