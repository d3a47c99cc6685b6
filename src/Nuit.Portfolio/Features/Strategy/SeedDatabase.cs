using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Seeding;

namespace Nuit.Portfolio.Features.Strategy;

/// <summary>
/// Loads seed-data/ into the database. Each seed entry is applied once and remembered in AppliedSeeds,
/// so running it again adds only new entries and never overwrites or revives what users changed since.
/// </summary>
public sealed record SeedDatabase(string SeedFolder) : ICommand<SeedReport>;

public sealed record SeedReport(int Added, int AlreadyApplied, IReadOnlyList<string> MeetingDocuments);

public sealed class SeedDatabaseHandler(PortfolioDbContext db, TimeProvider clock, ISender sender, LedgerRefresher ledger) : ICommandHandler<SeedDatabase, SeedReport>
{
    public async ValueTask<SeedReport> Handle(SeedDatabase command, CancellationToken cancellationToken)
    {
        var path = Path.Combine(command.SeedFolder, SeedLoader.StrategyFileName);
        if (!File.Exists(path)) throw new InputException(path, null, "Finner ikke seed-filen.");
        var seed = SeedLoader.Parse(await File.ReadAllTextAsync(path, cancellationToken), path);

        var applied = (await db.AppliedSeeds.Select(a => a.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        int added = 0, skipped = 0;

        bool Once(string key)
        {
            if (!applied.Add(key)) { skipped++; return false; }
            db.AppliedSeeds.Add(new AppliedSeed { Key = key, AppliedAt = now });
            added++;
            return true;
        }

        var strategy = await db.Strategies.OrderBy(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        if (Once("strategy") && strategy is null)
        {
            strategy = new Domain.Strategy
            {
                Name = seed.Strategy.Name,
                FirstYear = seed.Strategy.FirstYear,
                LastYear = seed.Strategy.LastYear,
                PlanName = seed.Strategy.PlanName,
                PlanYear = seed.Strategy.PlanYear,
                Source = seed.Strategy.Source,
            };
            db.Strategies.Add(strategy);
        }
        if (strategy is null) throw new InputException(path, "felt strategy", "strategien er fjernet fra databasen; kan ikke legge inn mål.");

        foreach (var body in Enum.GetValues<BodyCode>())
            if (Once($"body:{body}"))
                db.Bodies.Add(new Body { Code = body, ShortName = Bodies.ShortName(body), Name = Bodies.FullName(body) });

        foreach (var o in seed.Organisations)
            if (Once($"organisation:{o.Name}") && !await db.Organisations.AnyAsync(x => x.Name == o.Name, cancellationToken))
                db.Organisations.Add(new Organisation { Name = o.Name, ShortName = o.ShortName });

        // Items are looked up by code after each level so later levels can point at earlier ones,
        // whether those were added now or in an earlier run.
        var items = await db.RoadmapItems.ToDictionaryAsync(i => i.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        T? Existing<T>(string code) where T : RoadmapItem => items.TryGetValue(code, out var i) ? i as T : null;
        T Add<T>(T item) where T : RoadmapItem
        {
            db.RoadmapItems.Add(item);
            items[item.Code] = item;
            return item;
        }

        var order = 0;
        foreach (var g in seed.Goals)
        {
            order++;
            var goal = Existing<Goal>(g.Code);
            if (Once($"item:{g.Code}") && goal is null)
                goal = Add(new Goal { Code = g.Code, Name = g.Name, Aliases = [.. g.Aliases], Strategy = strategy, SortOrder = order });
            var subOrder = 0;
            foreach (var s in g.SubGoals)
            {
                subOrder++;
                if (Once($"item:{s.Code}") && Existing<SubGoal>(s.Code) is null && goal is not null)
                    Add(new SubGoal { Code = s.Code, Name = s.Name, Description = s.Description, Aliases = [.. s.Aliases], Goal = goal, SortOrder = subOrder });
            }
        }

        order = 0;
        foreach (var n in seed.Initiatives)
        {
            order++;
            if (!Once($"item:{n.Code}") || Existing<Initiative>(n.Code) is not null) continue;
            var initiative = Add(new Initiative
            {
                Code = n.Code,
                Name = n.Name,
                Aliases = [.. n.Aliases],
                Owner = n.Owner,
                Phase = n.Phase is null ? null : SeedLoader.TryPhase(n.Phase, out var phase) ? phase : null,
                SortOrder = order,
            });
            foreach (var code in n.SubGoals)
                if (Existing<SubGoal>(code) is { } sub)
                {
                    initiative.SubGoals.Add(sub);
                    // An initiative serving a sub-goal sits under that sub-goal's goal on the roadmap.
                    initiative.Goal ??= sub.Goal;
                    initiative.GoalId ??= sub.GoalId;
                }
            foreach (var m in n.Milestones)
                initiative.Milestones.Add(new Milestone
                {
                    Name = m.Name,
                    PlannedDate = Date(m.Planned),
                    ForecastDate = Date(m.Forecast),
                    ActualDate = Date(m.Actual),
                    Source = m.Source,
                });
        }

        order = 0;
        foreach (var d in seed.Indicators)
        {
            order++;
            var indicator = Existing<Indicator>(d.Code);
            if (Once($"item:{d.Code}") && indicator is null)
            {
                SeedLoader.TryDirection(d.Direction, out var direction);
                SeedLoader.TryPeriodicity(d.Periodicity, out var periodicity);
                indicator = Add(new Indicator
                {
                    Code = d.Code,
                    Name = d.Name,
                    Description = d.Description,
                    Aliases = [.. d.Aliases],
                    Goal = Existing<Goal>(d.Goal),
                    Unit = d.Unit,
                    Direction = direction,
                    Periodicity = periodicity,
                    Source = d.Source,
                    SourceUrl = d.SourceUrl,
                    SortOrder = order,
                });
            }
            if (indicator is null) continue;
            foreach (var v in d.Values)
            {
                var period = Period.Parse(v.Period).ToString();
                if (Once($"value:{d.Code}:{period}") && !indicator.Values.Any(x => x.Period == period)
                    && (indicator.Id == 0 || !await db.IndicatorValues.AnyAsync(x => x.IndicatorId == indicator.Id && x.Period == period, cancellationToken)))
                    indicator.Values.Add(new IndicatorValue { Period = period, Value = v.Value, Source = v.Source!, Note = v.Note, RecordedAt = now, RecordedBy = "seed" });
            }
            foreach (var t in d.Targets)
            {
                var period = Period.Parse(t.Period).ToString();
                if (Once($"target:{d.Code}:{period}") && !indicator.Targets.Any(x => x.Period == period)
                    && (indicator.Id == 0 || !await db.IndicatorTargets.AnyAsync(x => x.IndicatorId == indicator.Id && x.Period == period, cancellationToken)))
                    indicator.Targets.Add(new IndicatorTarget { Period = period, Value = t.Value, Note = t.Note ?? t.Source });
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // The meeting documents go through the ordinary import, inside this same transaction, so a new user
        // can ask "which cases touched SFM?" straight away and a bad document leaves nothing half-seeded.
        var documents = new List<string>();
        foreach (var relative in seed.MeetingDocuments)
        {
            var doc = Path.Combine(command.SeedFolder, relative);
            if (!File.Exists(doc)) throw new InputException(path, "felt meetingDocuments", $"finner ikke dokumentet {doc}.");
            documents.Add(doc);
            if (!Once($"document:{relative}")) continue;
            await db.SaveChangesAsync(cancellationToken);
            await sender.Send(new ImportDocument(doc, await File.ReadAllBytesAsync(doc, cancellationToken)), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);

        // Meetings imported before the follow-up ledger existed get their running-text references, action-point
        // owners and due dates, and follow-up suggestions once.
        if (Once("ledger:1"))
        {
            await db.SaveChangesAsync(cancellationToken);
            await ledger.RefreshAsync(await db.Cases.Select(c => c.Id).ToListAsync(cancellationToken), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new SeedReport(added, skipped, documents);
    }

    private static DateOnly? Date(string? iso) =>
        iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
