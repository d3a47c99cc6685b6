using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Files.Workbooks;

/// <summary>
/// What an indicator workbook shows. <see cref="Values"/> is enumerated once, so a large export can
/// produce its rows lazily; <see cref="ValueCount"/> says how many there will be (it picks the writer).
/// </summary>
public sealed record IndicatorWorkbook(
    IReadOnlyList<IndicatorSheetRow> Indicators, IEnumerable<ValueSheetRow> Values, int ValueCount, WorkbookAbout About);

/// <summary>A row of the Indikatorer sheet: the indicator with its latest value and the status it gives.</summary>
public sealed record IndicatorSheetRow(
    string? Goal, string? SubGoals, string Code, string Name, string? Description, string Unit, string Direction,
    string Periodicity, string? Source, string? SourceUrl, string? Baseline, decimal AmberTolerance,
    string? LatestPeriod, decimal? LatestValue, decimal? LatestTarget, string Status, int Decimals);

/// <summary>A row of the Verdier sheet (long format): one indicator and one period.</summary>
public sealed record ValueSheetRow(
    string Code, Period Period, decimal? Value, decimal? Target, string Status, string? Source, string? Note,
    string? TargetSetBy, DateTime? RecordedAt);

/// <summary>The Om sheet: when, by which version, with which filters.</summary>
public sealed record WorkbookAbout(DateTime ExportedAt, string Version, string Filters);
