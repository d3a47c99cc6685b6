namespace Nuit.Portfolio.Files.Workbooks;

/// <summary>
/// The audit-trail workbook (written with <see cref="RoadmapWorkbookWriter"/>): one table with the CSV export's
/// columns, the time as a real date-time in UTC, and an «Om» sheet saying what was exported.
/// </summary>
public static class AuditWorkbookLayout
{
    public const string Sheet = "Endringslogg";
    public const string Time = "tidspunkt (UTC)";
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm:ss";
}
