using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Files.Workbooks;
using L = Nuit.Portfolio.Files.Workbooks.RoadmapWorkbookLayout;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>
/// Reads an edited roadmap workbook back: each row becomes the same add or edit command the CLI and API
/// send, validated and handled by the same code (not through the mediator), so every rule (codes, aliases, milestone
/// dates) and the change history apply unchanged, and a refused row is reported at its cell ("Tiltak!D7"). One pass in
/// one transaction; the case links are refreshed once at the end, not per row. All or nothing. <see cref="IOwnsTransaction"/>: it owns its
/// transaction so that a dry run can run every edit for real, report the changes, and roll back.
/// </summary>
public sealed record ImportRoadmap(byte[] Content, string FileName, bool DryRun) : ICommand<RoadmapImportReport>, IOwnsTransaction;

public sealed record RoadmapImportReport(string FileName, bool DryRun, int RowsRead, int Added, int Changed, IReadOnlyList<ItemChange> Changes);

public sealed class ImportRoadmapValidator : AbstractValidator<ImportRoadmap>
{
    public ImportRoadmapValidator()
    {
        RuleFor(x => x.FileName).NotEmpty().MaximumLength(260);
        RuleFor(x => x.Content).NotEmpty().WithMessage("Filen er tom.");
    }
}

public sealed class ImportRoadmapHandler(PortfolioDbContext db, CaseLinker linker, AuditTrail audit, IServiceProvider services) : ICommandHandler<ImportRoadmap, RoadmapImportReport>
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Sheets = new()
    {
        [L.GoalSheet] = L.GoalHeaders, [L.SubGoalSheet] = L.SubGoalHeaders, [L.InitiativeSheet] = L.InitiativeHeaders, [L.MilestoneSheet] = L.MilestoneHeaders,
    };

    /// <summary>Request fields (as named in validators and «felt …» locations) to workbook columns.</summary>
    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = L.Code, ["name"] = L.Name, ["description"] = L.Description, ["aliases"] = L.Aliases, ["goal"] = L.Goal, ["owner"] = L.Owner,
        ["phase"] = L.Phase, ["status"] = L.Status, ["subGoals"] = L.SubGoals, ["planned"] = L.Planned, ["forecast"] = L.Forecast,
        ["actual"] = L.Actual, ["source"] = L.Source, ["initiative"] = L.Initiative, ["id"] = L.Number,
    };

    public async ValueTask<RoadmapImportReport> Handle(ImportRoadmap request, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(request.FileName);
        var sheets = RoadmapWorkbookReader.Read(request.Content, fileName, Sheets);
        var changes = new List<ItemChange>();
        int added = 0, changed = 0;
        void Count(IReadOnlyList<ItemChange> c, bool isNew)
        {
            changes.AddRange(c);
            if (isNew) added++;
            else if (c.Count > 0) changed++;
        }

        audit.FromFile(fileName);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var known = await db.RoadmapItems.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Kind, cancellationToken);
        // The row handlers without a linker: the links are refreshed once, after every row. Every item's names are
        // loaded once, inside the transaction, and kept current by the rows: not loaded again for each row (issue 18).
        var names = await RoadmapNames.LoadAsync(db, cancellationToken);
        var addGoal = new AddGoalHandler(db, null, audit, names);
        var addSubGoal = new AddSubGoalHandler(db, null, audit, names);
        var addInitiative = new AddInitiativeHandler(db, null, audit, names);
        var editItem = new EditItemHandler(db, null, audit, names);
        var editInitiative = new EditInitiativeHandler(db, null, audit, names);
        var addMilestone = new AddMilestoneHandler(db, audit);
        var editMilestone = new EditMilestoneHandler(db, audit);

        foreach (var row in sheets[L.GoalSheet])
        {
            var code = Required(row, L.Code, fileName);
            Count((Exists(known, code, RoadmapItemKind.Goal, row, fileName)
                ? await Run(row, fileName, new EditItem(code, RoadmapItemKind.Goal, Required(row, L.Name, fileName), row[L.Description] ?? "", AliasList(row)), editItem.Handle, cancellationToken)
                : await Run(row, fileName, new AddGoal(code, Required(row, L.Name, fileName), row[L.Description], AliasList(row)), addGoal.Handle, cancellationToken)).Changes,
                !known.ContainsKey(code));
            known[code] = RoadmapItemKind.Goal;
        }
        foreach (var row in sheets[L.SubGoalSheet])
        {
            var code = Required(row, L.Code, fileName);
            var exists = Exists(known, code, RoadmapItemKind.SubGoal, row, fileName);
            if (exists && row[L.Goal] is { } goal && !code.StartsWith(RoadmapCodes.Normalise(goal)[1..], StringComparison.Ordinal))
                throw new InputException(fileName, row.Cell(L.Goal), $"delmålet {code} kan ikke flyttes til {goal}: koden følger målet. Legg til et nytt delmål i stedet.");
            Count((exists
                ? await Run(row, fileName, new EditItem(code, RoadmapItemKind.SubGoal, Required(row, L.Name, fileName), row[L.Description] ?? "", AliasList(row)), editItem.Handle, cancellationToken)
                : await Run(row, fileName, new AddSubGoal(code, Required(row, L.Goal, fileName), Required(row, L.Name, fileName), row[L.Description], AliasList(row)),
                    addSubGoal.Handle, cancellationToken)).Changes, !exists);
            known[code] = RoadmapItemKind.SubGoal;
        }
        foreach (var row in sheets[L.InitiativeSheet])
        {
            var code = Required(row, L.Code, fileName);
            var exists = Exists(known, code, RoadmapItemKind.Initiative, row, fileName);
            Count((exists
                ? await Run(row, fileName, new EditInitiative(code, Required(row, L.Name, fileName), row[L.Owner] ?? "", row[L.Phase] ?? "", row[L.Status],
                    List(row[L.SubGoals], ','), row[L.Goal], AliasList(row), row[L.Description] ?? ""), editInitiative.Handle, cancellationToken)
                : await Run(row, fileName, new AddInitiative(code, Required(row, L.Name, fileName), row[L.Owner], row[L.Phase], List(row[L.SubGoals], ','), row[L.Goal],
                    AliasList(row), row[L.Description]), addInitiative.Handle, cancellationToken)).Changes, !exists);
            known[code] = RoadmapItemKind.Initiative;
        }
        foreach (var row in sheets[L.MilestoneSheet])
        {
            var initiative = Required(row, L.Initiative, fileName);
            if (row[L.Number] is { } number)
            {
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    throw new InputException(fileName, row.Cell(L.Number), $"«{number}» er ikke et milepælnummer; la cellen stå tom for en ny milepæl.");
                var owner = await db.Milestones.Where(m => m.Id == id).Select(m => m.Initiative!.Code).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new InputException(fileName, row.Cell(L.Number), $"milepæl nummer {id} finnes ikke; la cellen stå tom for en ny milepæl.");
                if (!string.Equals(owner, RoadmapCodes.Normalise(initiative), StringComparison.Ordinal))
                    throw new InputException(fileName, row.Cell(L.Initiative), $"milepæl nummer {id} hører til {owner}, ikke {initiative}.");
                Count((await Run(row, fileName, new EditMilestone(id, Required(row, L.Milestone, fileName), row[L.Planned] ?? "", row[L.Forecast] ?? "", row[L.Actual] ?? "",
                    row[L.Source] ?? ""), editMilestone.Handle, cancellationToken)).Changes, false);
            }
            else
                Count((await Run(row, fileName, new AddMilestone(initiative, Required(row, L.Milestone, fileName), row[L.Planned], row[L.Forecast], row[L.Actual],
                    row[L.Source]), addMilestone.Handle, cancellationToken)).Changes, true);
        }

        if (request.DryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        else
        {
            if (changes.Count > 0) await RoadmapEdits.RefreshLinksAsync(db, linker, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new RoadmapImportReport(fileName, request.DryRun, sheets.Values.Sum(s => s.Count), added, changed, changes);
    }

    /// <summary>Validates and handles one row's command; a refusal is reported at the cell of the field it names.</summary>
    private async Task<T> Run<TCommand, T>(RoadmapRow row, string fileName, TCommand command, Func<TCommand, CancellationToken, ValueTask<T>> handle, CancellationToken ct)
    {
        var fallback = row.Sheet == L.MilestoneSheet ? (row[L.Number] is null ? L.Initiative : L.Number) : L.Code;
        try
        {
            foreach (var validator in services.GetServices<IValidator<TCommand>>()) await validator.ValidateAndThrowAsync(command, ct);
            return await handle(command, ct);
        }
        catch (InputException ex)
        {
            var field = ex.Location is { } l && l.StartsWith("felt ", StringComparison.Ordinal) ? l[5..] : null;
            throw new InputException(fileName, row.Cell(Column(row, field, fallback)), ex.Reason, ex);
        }
        catch (ValidationException ex)
        {
            var first = ex.Errors.First();
            throw new InputException(fileName, row.Cell(Column(row, first.PropertyName, fallback)), first.ErrorMessage, ex);
        }
        catch (NotFoundException ex)
        {
            throw new InputException(fileName, row.Cell(fallback), ex.Message, ex);
        }
    }

    private static string Column(RoadmapRow row, string? field, string fallback)
    {
        if (field is null || !Columns.TryGetValue(field, out var column)) return fallback;
        // The milestone sheet calls the name column «Milepæl».
        return row.Sheet == L.MilestoneSheet && column == L.Name ? L.Milestone : column;
    }

    private static bool Exists(Dictionary<string, RoadmapItemKind> known, string code, RoadmapItemKind kind, RoadmapRow row, string fileName) =>
        known.TryGetValue(code, out var existing)
            ? existing == kind ? true : throw new InputException(fileName, row.Cell(L.Code), $"koden «{code}» er allerede brukt av {RoadmapEdits.KindName(existing)} {code}; koder er unike.")
            : false;

    private static string Required(RoadmapRow row, string header, string fileName) =>
        row[header] is { } value ? (header is L.Code or L.Initiative ? RoadmapCodes.Normalise(value) : value)
            : throw new InputException(fileName, row.Cell(header), $"«{header}» mangler.");

    private static List<string> AliasList(RoadmapRow row) => List(row[L.Aliases], L.AliasSeparator) ?? [];

    private static List<string>? List(string? text, char separator) =>
        text is null ? null : [.. text.Split(separator).Select(s => s.Trim()).Where(s => s.Length > 0)];
}
