using System.Globalization;
using FluentValidation;
using Mediator;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Files.Workbooks;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>The plan diff as a workbook: one sheet per kind of difference.</summary>
public sealed record ExportPlanDiff(int From, int To) : IQuery<WorkbookFile>;

public sealed class ExportPlanDiffValidator : AbstractValidator<ExportPlanDiff>
{
    public ExportPlanDiffValidator() =>
        RuleFor(x => x.To).NotEqual(x => x.From).WithMessage("Oppgi to forskjellige planår, f.eks. 2025 og 2026.");
}

public sealed class ExportPlanDiffHandler(PortfolioDbContext db, TimeProvider clock) : IQueryHandler<ExportPlanDiff, WorkbookFile>
{
    public async ValueTask<WorkbookFile> Handle(ExportPlanDiff query, CancellationToken cancellationToken)
    {
        var diff = await PlanDiffs.BetweenAsync(db, query.From, query.To, cancellationToken);
        IReadOnlyList<RoadmapSheet> sheets =
        [
            new("Nye", ["Type", "Kode", "Navn"], [.. diff.Added.Select(i => (IReadOnlyList<object?>)[KindName(i.Kind), i.Code, i.Name])]),
            new("Fjernet", ["Type", "Kode", "Navn"], [.. diff.Removed.Select(i => (IReadOnlyList<object?>)[KindName(i.Kind), i.Code, i.Name])]),
            new("Endret", ["Type", "Kode", "Felt", $"Før ({diff.From})", $"Etter ({diff.To})"],
                [.. diff.Changed.Select(c => (IReadOnlyList<object?>)[KindName(c.Kind), c.Code, c.Field, c.Old, c.New])]),
            new("Milepæler", ["Tiltak", "Milepæl", "Endring", "Planlagt før", "Planlagt etter", "Prognose før", "Prognose etter", "Faktisk", "Dager flyttet"],
                [.. diff.Milestones.Select(m => (IReadOnlyList<object?>)[m.Initiative, m.Name, m.Change, m.OldPlanned, m.NewPlanned, m.OldForecast, m.NewForecast, m.NewActual ?? m.OldActual, m.DaysMoved])]),
            new("Målverdier", ["Indikator", "Periode", $"Før ({diff.From})", $"Etter ({diff.To})"],
                [.. diff.Targets.Select(t => (IReadOnlyList<object?>)[t.Indicator, t.Period, t.Old, t.New])]),
        ];
        IReadOnlyList<(string, string)> about =
        [
            ("Sammenligner", $"{diff.FromName} med {diff.ToName}"),
            ("Laget", clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            ("Omfang", $"{diff.Added.Count} nye, {diff.Removed.Count} fjernet eller avviklet, {diff.Changed.Count} endrede felt, "
                + $"{diff.Milestones.Count} milepælendringer, {diff.Targets.Count} endrede målverdier."),
        ];
        return new WorkbookFile($"planendringer-{diff.From}-{diff.To}.xlsx",
            output => RoadmapWorkbookWriter.Write(sheets, about, $"Endringer fra {diff.FromName} til {diff.ToName}", output));
    }

    public static string KindName(string kind) => kind switch
    {
        "goal" => "Mål",
        "subgoal" => "Delmål",
        "initiative" => "Tiltak",
        _ => "Indikator",
    };
}
