using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Shared;
using static Nuit.Portfolio.Files.Workbooks.IndicatorWorkbookLayout;

namespace Nuit.Portfolio.Features.Indicators;

/// <summary>One field changed (or, in a dry run, that would change). Old is null for a new period.</summary>
public sealed record IndicatorChange(string Indicator, string Period, string Field, string? Old, string? New);

/// <summary>
/// The one place values and targets are written, by the set commands and the workbook import alike:
/// each changed field gets a <see cref="ChangeRecord"/> with who, when, old and new.
/// </summary>
internal static class IndicatorEdits
{
    /// <summary>The periodicity rule: a yearly indicator takes years, a quarterly one quarters; null when it fits.</summary>
    public static string? PeriodProblem(Indicator d, Period period) => (d.Periodicity, period.IsYear) switch
    {
        (Periodicity.Year, false) => $"indikatoren {d.Code} måles per år; skriv perioden som {period.Year}",
        (Periodicity.Quarter, true) => $"indikatoren {d.Code} måles per kvartal; skriv perioden som {period.Year}-Q1 … {period.Year}-Q4",
        _ => null,
    };

    public static List<IndicatorChange> SetValue(
        Indicator d, Period period, decimal value, string? source, string? note, AuditTrail audit)
    {
        var key = period.ToString();
        var existing = d.Values.FirstOrDefault(v => v.Period == key);
        var changes = new List<IndicatorChange>();
        if (existing is null)
        {
            existing = new IndicatorValue { Period = key, Source = source ?? "", IndicatorId = d.Id };
            d.Values.Add(existing);
            Track(changes, d, key, "verdi", null, Invariant(value));
            Track(changes, d, key, "kilde", null, source);
            Track(changes, d, key, "merknad", null, note);
        }
        else
        {
            Track(changes, d, key, "verdi", Invariant(existing.Value), Invariant(value));
            // A blank source or note in a workbook row means "keep what is there", not "erase".
            if (source is not null) Track(changes, d, key, "kilde", existing.Source, source);
            if (note is not null) Track(changes, d, key, "merknad", existing.Note, note);
        }
        if (changes.Count == 0) return changes;
        existing.Value = value;
        if (source is not null) existing.Source = source;
        if (note is not null) existing.Note = note;
        existing.RecordedAt = audit.Now;
        existing.RecordedBy = audit.User.Name;
        Record(audit, changes);
        return changes;
    }

    public static List<IndicatorChange> SetTarget(
        Indicator d, Period period, decimal value, Case? setBy, string? note, AuditTrail audit)
    {
        var key = period.ToString();
        var existing = d.Targets.FirstOrDefault(t => t.Period == key);
        var changes = new List<IndicatorChange>();
        if (existing is null)
        {
            existing = new IndicatorTarget { Period = key, IndicatorId = d.Id };
            d.Targets.Add(existing);
            Track(changes, d, key, "målverdi", null, Invariant(value));
        }
        else Track(changes, d, key, "målverdi", Invariant(existing.Value), Invariant(value));
        if (setBy is not null) Track(changes, d, key, "målverdi sak", IndicatorPeriods.CaseName(existing.SetByCase), IndicatorPeriods.CaseName(setBy));
        if (note is not null) Track(changes, d, key, "målverdi merknad", existing.Note, note);
        if (changes.Count == 0) return changes;
        existing.Value = value;
        if (setBy is not null)
        {
            existing.SetByCase = setBy;
            existing.SetByCaseId = setBy.Id;
        }
        if (note is not null) existing.Note = note;
        Record(audit, changes);
        return changes;
    }

    /// <summary>Finds the case a target names ("NUIT 31/24"); null with a reason when it is not known.</summary>
    public static async Task<(Case? Case, string? Problem)> FindCaseAsync(PortfolioDbContext db, string text, CancellationToken ct)
    {
        if (!CaseKey.TryParse(text, out var key))
            return (null, $"«{text}» er ikke en sak; skriv den som «NUIT 31/24»");
        var found = await CaseLookup.Matching(db, key).Include(c => c.Body).FirstOrDefaultAsync(ct);
        return found is null ? (null, $"finner ikke saken {key}") : (found, null);
    }

    /// <summary>Indicators by code with their values and targets, tracked for editing.</summary>
    public static Task<Dictionary<string, Indicator>> LoadForEditAsync(PortfolioDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct) =>
        db.Indicators.Include(i => i.Values).Include(i => i.Targets).ThenInclude(t => t.SetByCase!.Body)
            .Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, ct);

    private static void Track(List<IndicatorChange> changes, Indicator d, string period, string field, string? old, string? @new)
    {
        if (string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) return;
        changes.Add(new IndicatorChange(d.Code, period, field, old, @new));
    }

    private static void Record(AuditTrail audit, List<IndicatorChange> changes)
    {
        foreach (var c in changes) audit.Record(c.Indicator, null, $"{c.Field} {c.Period}", c.Old, c.New);
    }
}
