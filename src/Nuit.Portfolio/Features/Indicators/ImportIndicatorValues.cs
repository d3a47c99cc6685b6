using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Files.Workbooks;
using static Nuit.Portfolio.Files.Workbooks.IndicatorWorkbookLayout;

namespace Nuit.Portfolio.Features.Indicators;

/// <summary>
/// Reads values and targets back from an edited indicator workbook (the Verdier sheet). A command, so
/// the transaction behaviour makes it all or nothing: one bad cell and nothing is saved. A dry run goes
/// through the same steps and reports the same changes, but saves nothing.
/// </summary>
public sealed record ImportIndicatorValues(byte[] Content, string FileName, bool DryRun) : ICommand<IndicatorImportReport>;

public sealed record IndicatorImportReport(string FileName, bool DryRun, int RowsRead, int RowsChanged, IReadOnlyList<IndicatorChange> Changes);

public sealed class ImportIndicatorValuesValidator : AbstractValidator<ImportIndicatorValues>
{
    public ImportIndicatorValuesValidator()
    {
        RuleFor(x => x.FileName).NotEmpty().MaximumLength(260);
        RuleFor(x => x.Content).NotEmpty().WithMessage("Filen er tom.");
    }
}

public sealed class ImportIndicatorValuesHandler(PortfolioDbContext db, AuditTrail audit)
    : ICommandHandler<ImportIndicatorValues, IndicatorImportReport>
{
    private static readonly System.Globalization.CultureInfo NbNo = System.Globalization.CultureInfo.GetCultureInfo("nb-NO");

    public async ValueTask<IndicatorImportReport> Handle(ImportIndicatorValues command, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(command.FileName);
        var content = IndicatorWorkbookReader.Read(command.Content, fileName);
        // The known codes are read once (a portfolio has tens of indicators), so a workbook with 33,000 made-up
        // codes is answered with its first unknown cell instead of one SQL parameter per code.
        var known = (await db.Indicators.Select(i => i.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (content.Rows.FirstOrDefault(r => !known.Contains(r.Code)) is { } unknown)
        {
            var others = content.Rows.Select(r => r.Code).Where(c => !known.Contains(c)).Distinct(StringComparer.Ordinal).Count() - 1;
            throw new InputException(fileName, content.Cell(unknown.Row, CodeHeader), $"ukjent indikator «{unknown.Code}»"
                + (others > 0 ? string.Create(NbNo, $" (og {others:N0} andre ukjente koder)") : "")
                + ". Ingenting er lagret; bruk kodene fra en eksportert indikatorarbeidsbok.");
        }
        var indicators = await IndicatorEdits.LoadForEditAsync(db, [.. content.Rows.Select(r => r.Code).Distinct()], cancellationToken);
        audit.FromFile(fileName);

        var changes = new List<IndicatorChange>();
        var rowsChanged = 0;
        foreach (var row in content.Rows)
        {
            var d = indicators.GetValueOrDefault(row.Code)
                ?? throw new InputException(fileName, content.Cell(row.Row, CodeHeader), $"ukjent indikator «{row.Code}».");
            if (IndicatorEdits.PeriodProblem(d, row.Period) is { } problem)
                throw new InputException(fileName, content.Cell(row.Row, PeriodHeader), problem + ".");
            if (row.Value is null && (row.Source is not null || row.Note is not null) && !d.Values.Any(v => v.Period == row.Period.ToString()))
                throw new InputException(fileName, content.Cell(row.Row, ValueHeader), "kilde eller merknad uten verdi; fyll inn verdien.");

            var before = changes.Count;
            if (row.Value is { } value)
            {
                if (row.Source is null && !d.Values.Any(v => v.Period == row.Period.ToString()))
                    throw new InputException(fileName, content.Cell(row.Row, SourceHeader), $"ny verdi for {row.Period} mangler kilde.");
                changes.AddRange(IndicatorEdits.SetValue(d, row.Period, value, Limit(row.Source, 400, content, row, SourceHeader),
                    Limit(row.Note, 2000, content, row, NoteHeader), audit));
            }
            if (row.Target is { } target)
            {
                Case? setBy = null;
                if (row.TargetCase is { } caseText)
                {
                    var (found, problem2) = await IndicatorEdits.FindCaseAsync(db, caseText, cancellationToken);
                    setBy = found ?? throw new InputException(fileName, content.Cell(row.Row, CaseHeader), problem2 + ".");
                }
                changes.AddRange(IndicatorEdits.SetTarget(d, row.Period, target, setBy, null, audit));
            }
            else if (row.TargetCase is not null && !d.Targets.Any(t => t.Period == row.Period.ToString()))
                throw new InputException(fileName, content.Cell(row.Row, TargetHeader), "saken er oppgitt, men målverdien mangler.");
            if (changes.Count > before) rowsChanged++;
        }

        if (command.DryRun) db.ChangeTracker.Clear();
        else await db.SaveChangesAsync(cancellationToken);
        return new IndicatorImportReport(fileName, command.DryRun, content.Rows.Count, rowsChanged, changes);
    }

    private static string? Limit(string? text, int max, ValueSheetContent content, ValueSheetEntry row, string header) =>
        text is { Length: var n } && n > max
            ? throw new InputException(content.FileName, content.Cell(row.Row, header), $"teksten er {n} tegn; høyst {max} er tillatt.")
            : text;
}
