using ClosedXML.Excel;

namespace Nuit.Portfolio.Rendering.Workbooks;

/// <summary>
/// Where the known columns of a sheet are, found by their header text in row 1 (any case), so people can
/// move or add columns in Excel. The first column with a given header wins.
/// </summary>
internal sealed record HeaderRow(Dictionary<string, string> Letters, Dictionary<string, int> Numbers)
{
    public static HeaderRow Read(IXLWorksheet ws, IReadOnlyCollection<string> known)
    {
        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastColumn = ws.LastColumnUsed()?.ColumnNumber() ?? 0;
        for (var c = 1; c <= lastColumn; c++)
        {
            var header = ws.Cell(1, c).GetString().Trim();
            var name = known.FirstOrDefault(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase));
            if (name is null || letters.ContainsKey(name)) continue;
            letters[name] = ws.Cell(1, c).Address.ColumnLetter;
            numbers[name] = c;
        }
        return new HeaderRow(letters, numbers);
    }
}
