using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Shared;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Linking.Matching;
using Nuit.Portfolio.Seeding;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>One field of a roadmap item that changed (old is null for a new item or milestone).</summary>
public sealed record ItemChange(string Item, string Field, string? Old, string? New);

public sealed record RoadmapEditResult(string Code, string Kind, Guid Version, IReadOnlyList<ItemChange> Changes);

/// <summary>
/// The one place roadmap items are written, by the add/edit/retire commands and (through them) the roadmap
/// workbook import: lookups, the name and alias rules, the change history and the link refresh. Every
/// changed field gets a <see cref="ChangeRecord"/> (who, when, old → new), the same table indicator edits use.
/// </summary>
internal static class RoadmapEdits
{
    public static readonly CultureInfo Iso = CultureInfo.InvariantCulture;

    /// <summary>The item with this code (or alias) and of this kind, tracked; an unknown code gets the closest codes.</summary>
    public static async Task<T> FindAsync<T>(PortfolioDbContext db, string code, CancellationToken ct) where T : RoadmapItem
    {
        var item = await ItemLookup.FindAsync(db, code, ct);
        return item as T ?? throw new NotFoundException($"«{code}» er {KindName(item.Kind)} {item.Code}, ikke {KindName(KindOf<T>())}.");
    }

    public static async Task EnsureNewCodeAsync(PortfolioDbContext db, string code, CancellationToken ct)
    {
        var existing = await db.RoadmapItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (existing is not null)
            throw new InputException("forespørselen", "felt code",
                $"koden «{code}» er allerede brukt av {KindName(existing.Kind)} «{existing.Name}»{(existing.RetiredAt is null ? "" : " (avviklet)")}; koder er unike og gjenbrukes ikke.");
    }

    public static bool Track(List<ItemChange> changes, string code, string field, string? old, string? @new)
    {
        if (string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) return false;
        changes.Add(new ItemChange(code, field, old, @new));
        return true;
    }

    /// <summary>
    /// Name, description and aliases, common to every kind. Null leaves a field as it is; an empty
    /// description clears it. Returns whether the names the matcher uses changed.
    /// </summary>
    /// <param name="names">Every item's names, kept by a bulk import across its rows; null loads them for this one check.</param>
    public static async Task<bool> ApplyNamesAsync(PortfolioDbContext db, RoadmapItem item, string? name, string? description,
        IReadOnlyList<string>? aliases, List<ItemChange> changes, CancellationToken ct, RoadmapNames? names = null)
    {
        var nameChanged = false;
        var aliasesChanged = false;
        if (name is not null && Track(changes, item.Code, "navn", item.Name, name.Trim()))
        {
            item.Name = name.Trim();
            nameChanged = true;
        }
        if (description is not null && Track(changes, item.Code, "beskrivelse", item.Description, Blank(description)))
            item.Description = Blank(description);
        if (aliases is not null)
        {
            var list = CleanAliases(aliases);
            if (Track(changes, item.Code, "aliaser", string.Join(", ", item.Aliases), string.Join(", ", list)))
            {
                item.Aliases = list;
                aliasesChanged = true;
            }
        }
        if (nameChanged || aliasesChanged || item.Id == 0)
            (names ?? await RoadmapNames.LoadAsync(db, ct)).Check(item, aliasesChanged || item.Id == 0 ? "aliases" : "name");
        return nameChanged || aliasesChanged;
    }

    /// <summary>
    /// Writes the change history and saves; with the version the person saw, a stale edit fails as a
    /// conflict (409) instead of overwriting. New names or aliases refresh every case's link suggestions — unless
    /// <paramref name="linker"/> is null: a bulk import (<see cref="ImportRoadmap"/>) refreshes once after all its rows.
    /// </summary>
    public static async Task<RoadmapEditResult> SaveAsync(PortfolioDbContext db, CaseLinker? linker, RoadmapItem item, Guid? expectedVersion,
        List<ItemChange> changes, AuditTrail audit, bool namesChanged, CancellationToken ct)
    {
        if (changes.Count > 0)
        {
            if (item.Id != 0)
            {
                db.ExpectVersion(item, expectedVersion);
                // Sub-goals and milestones live in other rows; marking the version makes any change bump it.
                db.Entry(item).Property(i => i.Version).IsModified = true;
            }
            Record(audit, changes);
            await db.SaveChangesAsync(ct);
            if (namesChanged && linker is not null) await RefreshLinksAsync(db, linker, ct);
        }
        return new RoadmapEditResult(item.Code, KindCode(item.Kind), item.Version, changes);
    }

    /// <summary>Every case's link suggestions again, after the names the matcher uses changed.</summary>
    public static async Task RefreshLinksAsync(PortfolioDbContext db, CaseLinker linker, CancellationToken ct) =>
        await linker.RefreshAsync(await db.Cases.Select(c => c.Id).ToListAsync(ct), ct);

    /// <summary>The history of a set of roadmap changes, through the one audit writer.</summary>
    public static void Record(AuditTrail audit, IEnumerable<ItemChange> changes)
    {
        foreach (var c in changes) audit.Record(c.Item, null, c.Field, c.Old, c.New);
    }

    /// <summary>
    /// Owner, phase, status, goal and the sub-goals an initiative serves; null leaves a field as it is. Without
    /// an explicit goal, an initiative that has none sits under the goal of the first sub-goal it serves.
    /// </summary>
    public static async Task ApplyInitiativeAsync(PortfolioDbContext db, Initiative n, string? owner, string? phase, string? status,
        string? goal, IReadOnlyList<string>? subGoals, List<ItemChange> changes, CancellationToken ct)
    {
        if (owner is not null && Track(changes, n.Code, "eier", n.Owner, Blank(owner))) n.Owner = Blank(owner);
        if (phase is not null)
        {
            InitiativePhase? value = null;
            if (Blank(phase) is { } text)
                value = TryPhase(text, out var p) ? p : throw new InputException("forespørselen", "felt phase", $"ukjent fase «{text}». {PhaseHelp}");
            if (Track(changes, n.Code, "fase", n.Phase?.ToDisplayString(), value?.ToDisplayString())) n.Phase = value;
        }
        if (status is not null)
        {
            var value = StatusOf(status) ?? throw new InputException("forespørselen", "felt status", $"ukjent status «{status}». Bruk aktiv, fullført eller satt på vent.");
            if (Track(changes, n.Code, "status", StatusText(n.Status), StatusText(value))) n.Status = value;
        }
        if (subGoals is not null)
        {
            var wanted = subGoals.Select(RoadmapCodes.Normalise).Where(c => c.Length > 0).Distinct().ToList();
            var found = await db.SubGoals.Where(s => wanted.Contains(s.Code)).ToListAsync(ct);
            foreach (var missing in wanted.Where(w => found.All(f => f.Code != w)))
                throw new InputException("forespørselen", "felt subGoals", $"delmålet «{missing}» finnes ikke. Legg det til først (nuit subgoals add).");
            foreach (var retired in found.Where(f => f.RetiredAt is not null && !n.SubGoals.Contains(f)))
                throw new InputException("forespørselen", "felt subGoals", $"delmålet {retired.Code} er avviklet.");
            var ordered = wanted.Select(w => found.Single(f => f.Code == w)).ToList();
            if (Track(changes, n.Code, "delmål", string.Join(", ", n.SubGoals.Select(s => s.Code).Order()), string.Join(", ", ordered.Select(s => s.Code).Order())))
            {
                n.SubGoals.Clear();
                n.SubGoals.AddRange(ordered);
            }
        }
        Goal? newGoal = null;
        if (Blank(goal) is { } goalCode)
        {
            newGoal = await FindAsync<Goal>(db, goalCode, ct);
            if (newGoal.RetiredAt is not null && newGoal.Id != n.GoalId)
                throw new InputException("forespørselen", "felt goal", $"målet {newGoal.Code} er avviklet.");
        }
        else if (n.GoalId is null && n.SubGoals.FirstOrDefault() is { } first)
            newGoal = await db.Goals.SingleAsync(g => g.Id == first.GoalId, ct);
        if (newGoal is not null)
        {
            var oldGoal = n.GoalId is { } id ? await db.Goals.Where(g => g.Id == id).Select(g => g.Code).SingleAsync(ct) : null;
            if (Track(changes, n.Code, "mål", oldGoal, newGoal.Code))
            {
                n.Goal = newGoal;
                n.GoalId = newGoal.Id;
            }
        }
    }

    public static InitiativeStatus? StatusOf(string text) => text.Trim().ToLowerInvariant() switch
    {
        "aktiv" or "active" => InitiativeStatus.Active,
        "fullført" or "completed" => InitiativeStatus.Completed,
        "satt på vent" or "på vent" or "paused" => InitiativeStatus.Paused,
        _ => null,
    };

    public static string StatusText(InitiativeStatus status) => status switch
    {
        InitiativeStatus.Completed => "fullført",
        InitiativeStatus.Paused => "satt på vent",
        _ => "aktiv",
    };

    /// <summary>How much earlier than planned a delivery can plausibly have happened (see ADR 8).</summary>
    public const int MaxMonthsEarly = 12;

    /// <summary>
    /// The milestone date rule. A delivery can come early, but an actual date more than a year before the
    /// planned date is a typo (wrong year, or dates swapped), and an actual date in the future has not happened.
    /// Returns the field at fault and the reason, or null.
    /// </summary>
    public static (string Field, string Reason)? MilestoneProblem(DateOnly? planned, DateOnly? actual, DateOnly today)
    {
        if (actual is { } a && a > today)
            return ("actual", $"faktisk dato {IsoDate(a)} ligger i fremtiden; bruk prognose for en dato som ikke er nådd.");
        if (actual is { } b && planned is { } p && b < p.AddMonths(-MaxMonthsEarly))
            return ("actual", $"faktisk dato {IsoDate(b)} er mer enn {MaxMonthsEarly} måneder før planlagt dato {IsoDate(p)}; sjekk årstallet.");
        return null;
    }

    /// <summary>Sets one milestone date from text: null keeps it, empty clears it, otherwise yyyy-MM-dd.</summary>
    public static void ApplyDate(Milestone m, string field, string label, string? text, Func<Milestone, DateOnly?> get, Action<Milestone, DateOnly?> set,
        string code, List<ItemChange> changes)
    {
        if (text is null) return;
        DateOnly? value = null;
        if (!string.IsNullOrWhiteSpace(text))
            value = TryDate(text, out var d) ? d : throw new InputException("forespørselen", $"felt {field}", $"«{text}» er ikke en dato på formen ÅÅÅÅ-MM-DD.");
        if (Track(changes, code, $"milepæl «{Short(m.Name)}» {label}", IsoDate(get(m)), IsoDate(value))) set(m, value);
    }

    public static string Short(string text) => text.Length <= 40 ? text : text[..39] + "…";

    /// <summary>Trimmed, without blanks and duplicates (any case), in the order given.</summary>
    public static List<string> CleanAliases(IEnumerable<string> aliases) =>
        [.. aliases.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Phase as people write it ("Nasjonal utvikling") or as the API enum ("NasjonalUtvikling").</summary>
    public static bool TryPhase(string text, out InitiativePhase phase) =>
        SeedLoader.TryPhase(text, out phase)
        || (Enum.TryParse(text.Trim(), ignoreCase: true, out phase) && Enum.IsDefined(phase));

    public const string PhaseHelp = "Bruk Konsept, Nasjonal utvikling, Tilpasning, Innføring eller Ny praksis i bruk.";

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", Iso, DateTimeStyles.None, out date);

    public static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", Iso);

    public static string Invariant(decimal d) => Files.Workbooks.IndicatorWorkbookLayout.Invariant(d);

    public static string KindName(RoadmapItemKind kind) => kind switch
    {
        RoadmapItemKind.Goal => "målet",
        RoadmapItemKind.SubGoal => "delmålet",
        RoadmapItemKind.Initiative => "tiltaket",
        _ => "indikatoren",
    };

    public static string KindCode(RoadmapItemKind kind) => kind switch
    {
        RoadmapItemKind.Goal => "goal",
        RoadmapItemKind.SubGoal => "subgoal",
        RoadmapItemKind.Initiative => "initiative",
        _ => "indicator",
    };

    private static RoadmapItemKind KindOf<T>() =>
        typeof(T) == typeof(Goal) ? RoadmapItemKind.Goal
        : typeof(T) == typeof(SubGoal) ? RoadmapItemKind.SubGoal
        : typeof(T) == typeof(Initiative) ? RoadmapItemKind.Initiative
        : RoadmapItemKind.Indicator;
}
