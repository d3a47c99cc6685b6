using System.Globalization;
using System.Text;
using Mediator;

namespace Nuit.Portfolio.Features.Access;

/// <summary>The audit trail as a CSV file (semicolons and a BOM, as Excel in Norway opens it), optionally without names.</summary>
public sealed record ExportAuditTrail(bool WithoutNames = false, string? Item = null) : IQuery<AuditExport>;

public sealed record AuditExport(string FileName, byte[] Content)
{
    public const string ContentType = "text/csv; charset=utf-8";
}

public sealed class ExportAuditTrailHandler(ISender sender, TimeProvider clock) : IQueryHandler<ExportAuditTrail, AuditExport>
{
    public async ValueTask<AuditExport> Handle(ExportAuditTrail query, CancellationToken cancellationToken)
    {
        var entries = await sender.Send(new GetAuditTrail(query.Item, Limit: int.MaxValue, WithoutNames: query.WithoutNames), cancellationToken);
        var csv = new StringBuilder();
        Row(csv, "tidspunkt", "element", "gjelder", "felt", "gammel verdi", "ny verdi", "endret av", "via");
        foreach (var e in entries)
            Row(csv, e.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                e.Item, e.Subject, e.Field, e.Old, e.New, e.By, e.Via);
        var name = $"endringslogg-{clock.GetUtcNow():yyyy-MM-dd}{(query.WithoutNames ? "-uten-navn" : "")}.csv";
        return new AuditExport(name, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv.ToString())]);
    }

    private static void Row(StringBuilder csv, params string?[] cells)
    {
        csv.AppendJoin(';', cells.Select(Cell));
        csv.Append("\r\n");
    }

    /// <summary>Quotes where needed, and defuses text a spreadsheet would run as a formula (=, +, -, @).</summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
