namespace Nuit.Portfolio.Rendering.Workbooks;

/// <summary>Picks the writer: ClosedXML for ordinary exports, the streaming writer when the Verdier sheet is large.</summary>
public static class IndicatorWorkbookWriter
{
    /// <summary>
    /// ClosedXML keeps every cell in memory (measured here: 200,000 × 5 cells took ~11 s and 1.2 GB);
    /// below this many value rows it is fast enough and its output is the reference layout.
    /// </summary>
    public const int StreamingThreshold = 50_000;

    public static void Write(IndicatorWorkbook model, Stream output)
    {
        if (model.ValueCount > StreamingThreshold) StreamingIndicatorWorkbookWriter.Write(model, output);
        else ClosedXmlIndicatorWorkbookWriter.Write(model, output);
    }
}
