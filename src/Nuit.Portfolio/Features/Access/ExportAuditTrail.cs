using System.Globalization;
using Mediator;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Files;
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

public sealed class ExportAuditTrailHandler(PortfolioDbContext db, TimeProvider clock) : IQueryHandler<ExportAuditTrail, AuditExport>
{
    public async ValueTask<AuditExport> Handle(ExportAuditTrail query, CancellationToken cancellationToken)
    {
        // The same rows as the audit page (one query, one anonymiser), read directly: a handler does not call the mediator.
        var entries = await new GetAuditTrailHandler(db).Handle(new GetAuditTrail(query.Item, Limit: int.MaxValue, WithoutNames: query.WithoutNames), cancellationToken);
        var name = $"endringslogg-{clock.GetUtcNow():yyyy-MM-dd}{(query.WithoutNames ? "-uten-navn" : "")}";
        return query.Format == AuditFileFormat.Xlsx
            ? new AuditExport($"{name}.xlsx", IndicatorWorkbookLayout.ContentType, Workbook(entries, query))
            : new AuditExport($"{name}.csv", AuditExport.CsvContentType, AuditTrailFile.Csv(Rows(entries)));
    }

    private static IReadOnlyList<AuditFileRow> Rows(IReadOnlyList<AuditEntry> entries) =>
        [.. entries.Select(e => new AuditFileRow(e.At.UtcDateTime, e.Item, e.Subject, e.Field, e.Old, e.New, e.By, e.Via))];

    private byte[] Workbook(IReadOnlyList<AuditEntry> entries, ExportAuditTrail query) =>
        AuditTrailFile.Workbook(Rows(entries),
        [
            ("Eksportert", clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            ("Gjelder", query.Item is { Length: > 0 } item ? item.ToUpperInvariant() : "alle endringer"),
            ("Personnavn", query.WithoutNames ? "erstattet med rolle eller «anonymisert»" : "med"),
            ("Endringer", entries.Count.ToString(CultureInfo.InvariantCulture)),
        ]);
}
