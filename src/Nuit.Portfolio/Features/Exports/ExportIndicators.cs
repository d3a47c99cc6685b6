using System.Reflection;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Files.Workbooks;

namespace Nuit.Portfolio.Features.Exports;

/// <summary>The indicator workbook (Indikatorer, Verdier, Om), optionally for one goal and a span of periods.</summary>
public sealed record ExportIndicators(string? Goal = null, string? From = null, string? To = null) : IQuery<IndicatorExport>;

/// <summary>A workbook ready to write; <see cref="FileName"/> is named for the export date's quarter.</summary>
public sealed record IndicatorExport(string FileName, IndicatorWorkbook Workbook)
{
    public string ContentType => IndicatorWorkbookLayout.ContentType;

    public void WriteTo(Stream output) => IndicatorWorkbookWriter.Write(Workbook, output);
}

public sealed class ExportIndicatorsValidator : AbstractValidator<ExportIndicators>
{
    public ExportIndicatorsValidator()
    {
        RuleFor(x => x.From).Must(p => p is null || Period.TryParse(p, out _))
            .WithMessage(x => $"«{x.From}» er ikke en periode. Skriv 2019 eller 2025-Q1.");
        RuleFor(x => x.To).Must(p => p is null || Period.TryParse(p, out _))
            .WithMessage(x => $"«{x.To}» er ikke en periode. Skriv 2025 eller 2025-Q4.");
        RuleFor(x => x).Must(x => !Period.TryParse(x.From, out var f) || !Period.TryParse(x.To, out var t) || f.CompareTo(t) <= 0)
            .WithName("From").WithMessage("Fra-perioden må komme før til-perioden.");
        RuleFor(x => x.Goal).MaximumLength(40);
    }
}

public sealed class ExportIndicatorsHandler(PortfolioDbContext db, TimeProvider clock) : IQueryHandler<ExportIndicators, IndicatorExport>
{
    public async ValueTask<IndicatorExport> Handle(ExportIndicators query, CancellationToken cancellationToken)
    {
        var goal = query.Goal?.Trim().ToUpperInvariant();
        if (goal is not null && !await db.Goals.AnyAsync(g => g.Code == goal, cancellationToken))
            throw new NotFoundException($"Finner ikke målet «{query.Goal}».");
        Period? from = query.From is null ? null : Period.Parse(query.From);
        Period? to = query.To is null ? null : Period.Parse(query.To);

        var indicators = await db.Indicators.AsNoTracking().Where(i => i.RetiredAt == null)
            .Where(i => goal == null || i.Goal!.Code == goal)
            .WithPeriods().ToListAsync(cancellationToken);

        var now = Oslo(clock.GetUtcNow());
        var rows = indicators.Select(i => (Indicator: i, Rows: IndicatorPeriods.Rows(i, from, to))).ToList();
        var sheetRows = rows.Select(x => ToSheetRow(x.Indicator, x.Rows)).ToList();
        var values = rows.SelectMany(x => x.Rows.Select(r => new ValueSheetRow(
            x.Indicator.Code, r.Period, r.Value, r.Target, IndicatorStatus.ToText(r.Status), r.Source, r.Note, r.TargetSetBy,
            r.RecordedAt is { } at ? Oslo(at) : null))).ToList();

        var filters = string.Join("; ", new[]
        {
            goal is null ? "alle mål" : $"mål {goal}",
            from is null ? null : $"fra {from}",
            to is null ? null : $"til {to}",
        }.Where(f => f is not null));
        var about = new WorkbookAbout(now, Version, filters);
        var fileName = $"indikatorer-{Quarter.FromDate(now)}.xlsx";
        return new IndicatorExport(fileName, new IndicatorWorkbook(sheetRows, values, values.Count, about));
    }

    private static IndicatorSheetRow ToSheetRow(Indicator d, IReadOnlyList<IndicatorPeriodRow> rows)
    {
        // The latest period with a reported value, judged against that period's own target.
        var latest = rows.LastOrDefault(r => r.Value is not null);
        var decimals = IndicatorWorkbookLayout.DecimalsOf(d.Values.Select(v => v.Value).Concat(d.Targets.Select(t => t.Value)));
        return new IndicatorSheetRow(
            d.Goal?.Code, d.SubGoals.Count == 0 ? null : string.Join(", ", d.SubGoals.Select(s => s.Code).Order()),
            d.Code, d.Name, d.Description, d.Unit,
            d.Direction == IndicatorDirection.HigherIsBetter ? "Høyere er bedre" : "Lavere er bedre",
            d.Periodicity == Periodicity.Year ? "År" : "Kvartal",
            d.Source, d.SourceUrl,
            d.BaselinePeriod is null ? null : $"{d.BaselinePeriod}: {d.BaselineValue?.ToString(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"))}",
            d.AmberTolerance,
            latest?.Period.ToString(), latest?.Value, latest?.Target,
            IndicatorStatus.ToText(latest is null ? RagStatus.Grey : latest.Status),
            decimals);
    }

    private static readonly string Version =
        typeof(ExportIndicatorsHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "ukjent";

    private static readonly TimeZoneInfo Norway = FindNorway();

    /// <summary>Norwegian wall-clock time, as readers of the workbook expect; UTC where the zone is unknown.</summary>
    private static DateTime Oslo(DateTimeOffset at) => DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(at, Norway).DateTime, DateTimeKind.Unspecified);

    private static TimeZoneInfo FindNorway()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
