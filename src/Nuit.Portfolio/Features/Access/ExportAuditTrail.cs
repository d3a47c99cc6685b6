using System.Globalization;
using System.Text;
using Mediator;
using Nuit.Portfolio.Files.Workbooks;

namespace Nuit.Portfolio.Features.Access;

/// <summary>
/// The audit trail as a file, optionally without names: CSV (semicolons and a BOM, as Excel in Norway opens it)
/// or an Excel workbook (a table with filters, times as real date-times in UTC, text never a formula).
/// </summary>
public sealed record ExportAuditTrail(bool WithoutNames = false, string? Item = null, AuditFileFormat Format = AuditFileFormat.Csv)
    : IQuery<AuditExport>;

public enum AuditFileFormat
{
    Csv,
    Xlsx,
}

public sealed record AuditExport(string FileName, string ContentType, byte[] Content)
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Xlsx for a path or file name ending in .xlsx (any case), otherwise CSV.</summary>
    public static AuditFileFormat FormatFor(string path) =>
        path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? AuditFileFormat.Xlsx : AuditFileFormat.Csv;
}

public sealed class ExportAuditTrailHandler(ISender sender, TimeProvider clock) : IQueryHandler<ExportAuditTrail, AuditExport>
{
    private static readonly string[] Headers = ["tidspunkt", "element", "gjelder", "felt", "gammel verdi", "ny verdi", "endret av", "via"];

    public async ValueTask<AuditExport> Handle(ExportAuditTrail query, CancellationToken cancellationToken)
    {
        var entries = await sender.Send(new GetAuditTrail(query.Item, Limit: int.MaxValue, WithoutNames: query.WithoutNames), cancellationToken);
        var name = $"endringslogg-{clock.GetUtcNow():yyyy-MM-dd}{(query.WithoutNames ? "-uten-navn" : "")}";
        return query.Format == AuditFileFormat.Xlsx
            ? new AuditExport($"{name}.xlsx", IndicatorWorkbookLayout.ContentType, Workbook(entries, query))
            : new AuditExport($"{name}.csv", AuditExport.CsvContentType, Csv(entries));
    }

    private static byte[] Csv(IReadOnlyList<AuditEntry> entries)
    {
        var csv = new StringBuilder();
        Row(csv, Headers);
        foreach (var e in entries)
            Row(csv, e.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                e.Item, e.Subject, e.Field, e.Old, e.New, e.By, e.Via);
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private byte[] Workbook(IReadOnlyList<AuditEntry> entries, ExportAuditTrail query)
    {
        // Excel has no time zones: the times are UTC, and the header says so.
        var sheet = new RoadmapSheet(AuditWorkbookLayout.Sheet, [AuditWorkbookLayout.Time, .. Headers[1..]],
            [.. entries.Select(e => (IReadOnlyList<object?>)[e.At.UtcDateTime, e.Item, e.Subject, e.Field, e.Old, e.New, e.By, e.Via])]);
        List<(string, string)> about =
        [
            ("Eksportert", clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            ("Gjelder", query.Item is { Length: > 0 } item ? item.ToUpperInvariant() : "alle endringer"),
            ("Personnavn", query.WithoutNames ? "erstattet med rolle eller «anonymisert»" : "med"),
            ("Endringer", entries.Count.ToString(CultureInfo.InvariantCulture)),
        ];
        using var output = new MemoryStream();
        RoadmapWorkbookWriter.Write([sheet], about, "Endringslogg – Nuit.Portfolio", output);
        return output.ToArray();
    }

    private static void Row(StringBuilder csv, params string?[] cells)
    {
        csv.AppendJoin(';', cells.Select(Cell));
        csv.Append("\r\n");
    }

    /// <summary>Quotes where needed, and defuses text a spreadsheet would run as a formula (the workbooks' own rule).</summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (IndicatorWorkbookLayout.LooksLikeFormula(value) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
