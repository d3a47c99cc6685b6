using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Files.Workbooks;
using static Nuit.Portfolio.Files.Workbooks.RoadmapWorkbookLayout;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>
/// The whole current roadmap as a workbook (Mål, Delmål, Tiltak, Milepæler, Om) for the portfolio office to
/// send to initiative owners; the edited copy comes back through <see cref="ImportRoadmap"/>. Retired items are left out.
/// </summary>
public sealed record ExportRoadmap : IQuery<WorkbookFile>;

/// <summary>A workbook ready to write, with its file name.</summary>
public sealed record WorkbookFile(string FileName, Action<Stream> Write)
{
    public string ContentType => IndicatorWorkbookLayout.ContentType;

    public void WriteTo(Stream output) => Write(output);
}

public sealed class ExportRoadmapHandler(PortfolioDbContext db, TimeProvider clock) : IQueryHandler<ExportRoadmap, WorkbookFile>
{
    public async ValueTask<WorkbookFile> Handle(ExportRoadmap query, CancellationToken cancellationToken)
    {
        var items = await db.RoadmapItems.AsNoTracking().Where(i => i.RetiredAt == null).Include(i => i.Goal).ToListAsync(cancellationToken);
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => i.RetiredAt == null).Include(i => i.Goal).Include(i => i.SubGoals)
            .Include(i => i.Milestones).OrderBy(i => i.SortOrder).ToListAsync(cancellationToken);
        var strategy = await db.Strategies.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        static string Aliases(RoadmapItem i) => string.Join(AliasSeparator + " ", i.Aliases);

        var goals = items.OfType<Goal>().OrderBy(g => g.SortOrder).ThenBy(g => g.Code, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<object?>)[g.Code, g.Name, g.Description, Aliases(g)]).ToList();
        var subGoals = items.OfType<SubGoal>().OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => (IReadOnlyList<object?>)[s.Code, s.Goal?.Code, s.Name, s.Description, Aliases(s)]).ToList();
        var rows = initiatives.Select(i => (IReadOnlyList<object?>)[i.Code, i.Name, i.Owner, i.Phase?.ToDisplayString(), RoadmapEdits.StatusText(i.Status),
            i.Goal?.Code, string.Join(", ", i.SubGoals.Select(s => s.Code).Order(StringComparer.Ordinal)), Aliases(i), i.Description]).ToList();
        var milestones = initiatives.SelectMany(i => i.Milestones.OrderBy(m => m.PlannedDate ?? m.ForecastDate ?? DateOnly.MaxValue).ThenBy(m => m.Id)
            .Select(m => (IReadOnlyList<object?>)[m.Id, i.Code, m.Name, m.PlannedDate, m.ForecastDate, m.ActualDate, m.Source])).ToList();

        var now = clock.GetUtcNow();
        var plan = strategy?.PlanName ?? "veikartet";
        IReadOnlyList<RoadmapSheet> sheets =
        [
            new(GoalSheet, GoalHeaders, goals), new(SubGoalSheet, SubGoalHeaders, subGoals),
            new(InitiativeSheet, InitiativeHeaders, rows), new(MilestoneSheet, MilestoneHeaders, milestones),
        ];
        IReadOnlyList<(string, string)> about =
        [
            ("Plan", plan),
            ("Eksportert", now.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            ("Redigering", "Rett i cellene og les arbeidsboken inn igjen: nuit import-roadmap FIL --dry-run, eller POST /api/imports/roadmap?dryRun=true. "
                + "En rad med ny kode legger til et element; en kjent kode oppdateres slik raden står (tom celle fjerner verdien). Koden kan ikke endres. "
                + "Milepæler uten Nr legges til. Rader som fjernes, avvikles ikke; avvikling gjøres i tjenesten. Ett feil i en celle, og ingenting lagres."),
            ("Formater", "Datoer ÅÅÅÅ-MM-DD. Aliaser skilles med semikolon, delmål med komma. Fase: Konsept, Nasjonal utvikling, Tilpasning, Innføring "
                + "eller Ny praksis i bruk. Status: aktiv, fullført eller satt på vent. Delmålkoder er målets nummer og en bokstav (2A under M2)."),
        ];
        var fileName = $"veikart-{now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx";
        return new WorkbookFile(fileName, output => RoadmapWorkbookWriter.Write(sheets, about, $"Veikart – {plan}", output));
    }
}
