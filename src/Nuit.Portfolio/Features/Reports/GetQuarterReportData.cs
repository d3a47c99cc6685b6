using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.Rendering.Reports;

namespace Nuit.Portfolio.Features.Reports;

/// <summary>
/// Gathers everything the report for a quarter shows. <see cref="CutOff"/> leaves out statuses and
/// indicator values recorded later; meetings and cases have no recording time, and the stored snapshot
/// of a published report is what freezes them.
/// </summary>
/// <param name="GapQuarters">An item counts as not discussed when no case touched it in this many quarters up to the report's.</param>
public sealed record GetQuarterReportData(string Quarter, DateTimeOffset? CutOff = null, int GapQuarters = Ledger.CoverageGaps.DefaultQuarters, int ChartQuarters = 8)
    : IQuery<QuarterReport>;

public sealed class GetQuarterReportDataValidator : AbstractValidator<GetQuarterReportData>
{
    public GetQuarterReportDataValidator()
    {
        RuleFor(x => x.Quarter).MustBeAQuarter();
        RuleFor(x => x.GapQuarters).InclusiveBetween(1, 40);
        RuleFor(x => x.ChartQuarters).InclusiveBetween(1, 40);
    }
}

public sealed class GetQuarterReportDataHandler(PortfolioDbContext db, TimeProvider clock) : IQueryHandler<GetQuarterReportData, QuarterReport>
{
    public async ValueTask<QuarterReport> Handle(GetQuarterReportData query, CancellationToken cancellationToken)
    {
        var quarter = Domain.Quarter.Parse(query.Quarter);
        var previous = quarter.Previous();
        var cutOff = query.CutOff ?? clock.GetUtcNow();
        // Ages and "open at" are judged at the end of the quarter, or at the cut-off when that comes first.
        var referenceDate = DateOnly.FromDateTime(cutOff.UtcDateTime) is var c && c < quarter.LastDay ? c : quarter.LastDay;

        await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken);

        var items = (await db.RoadmapItems.AsNoTracking().ToListAsync(cancellationToken))
            .Where(i => i.RetiredAt is null || i.RetiredAt > cutOff).ToList();
        var initiatives = await db.Initiatives.AsNoTracking().Include(i => i.SubGoals).Include(i => i.Milestones)
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values).Include(i => i.Targets)
            .Where(i => i.RetiredAt == null).ToListAsync(cancellationToken);
        var statuses = await db.StatusUpdates.AsNoTracking()
            .Where(s => s.Quarter == quarter || s.Quarter == previous).ToListAsync(cancellationToken);
        var latest = StatusTimeline.LatestPerQuarter(statuses, cutOff);

        var byId = items.ToDictionary(i => i.Id);
        int? GoalOf(RoadmapItem item) => item switch
        {
            Goal g => g.Id,
            _ when item.GoalId is { } id => id,
            Initiative when initiatives.TryGetValue(item.Id, out var full) => full.SubGoals.Select(s => s.GoalId).FirstOrDefault(g => g is not null),
            _ => null,
        };
        string? GoalCode(RoadmapItem item) => GoalOf(item) is { } id && byId.TryGetValue(id, out var g) ? g.Code : null;

        var tracked = items.Where(i => i.Kind is RoadmapItemKind.Goal or RoadmapItemKind.SubGoal or RoadmapItemKind.Initiative)
            .OrderBy(i => i.Kind).ThenBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
        var rows = tracked.Select(i =>
        {
            latest.TryGetValue((i.Id, quarter), out var now);
            var rag = now?.Rag ?? RagStatus.Grey;
            var before = StatusTimeline.RagOf(latest, i.Id, previous);
            var milestones = initiatives.TryGetValue(i.Id, out var full)
                ? full.Milestones.OrderBy(m => m.PlannedDate ?? m.ForecastDate ?? DateOnly.MaxValue)
                    .Select(m => new MilestoneRow(m.Name, m.PlannedDate, m.ForecastDate, m.ActualDate, m.IsSlipped, m.Source)).ToList()
                : [];
            return (Item: i, Row: new ItemStatusRow(
                i.Code, i.Name, Kind(i), GoalCode(i), rag.ToCode(), before.ToCode(), StatusChanges.Between(before, rag).ToCode(),
                now?.Narrative, now?.Author, now?.RecordedAt, full?.Owner, milestones));
        }).ToList();

        var goals = tracked.OfType<Goal>().Select(g =>
        {
            var under = rows.Where(r => r.Item is not Goal && GoalOf(r.Item) == g.Id).Select(r => r.Row).ToList();
            var own = rows.Single(r => r.Item.Id == g.Id).Row;
            return new GoalSummary(g.Code, g.Name, own.Rag, Count(under.Select(r => r.Rag)), Count(under.Select(r => r.PreviousRag)),
                [.. under.Prepend(own).Where(r => r.Rag != r.PreviousRag)
                    .Select(r => new ItemChange(r.Code, r.Name, r.Kind, r.PreviousRag, r.Rag, r.Change))]);
        }).ToList();
        // Most initiatives in the seed data are not yet placed under a goal; they still count somewhere.
        var unplaced = rows.Where(r => r.Item is not Goal && GoalOf(r.Item) is null).Select(r => r.Row).ToList();
        if (unplaced.Count > 0)
            goals.Add(new GoalSummary("", UnplacedName, "", Count(unplaced.Select(r => r.Rag)), Count(unplaced.Select(r => r.PreviousRag)),
                [.. unplaced.Where(r => r.Rag != r.PreviousRag).Select(r => new ItemChange(r.Code, r.Name, r.Kind, r.PreviousRag, r.Rag, r.Change))]));

        var cases = await LoadCasesAsync(quarter, cancellationToken);
        var chartQuarters = Enumerable.Range(0, query.ChartQuarters)
            .Select(n => Enumerable.Range(0, n).Aggregate(quarter, (q, _) => q.Previous())).Reverse().ToList();
        var casesPerQuarter = await CountCasesPerQuarterAsync(chartQuarters, tracked.OfType<Goal>().ToList(), GoalOf, byId, cancellationToken);

        var actionPoints = await db.ActionPoints.AsNoTracking()
            .Where(a => a.Case!.MeetingDate <= referenceDate && (ActionPointStatuses.Unfinished.Contains(a.Status) || a.ClosedOn > referenceDate))
            .Select(a => new { a.Case!.Body!.Code, a.Case.Number, a.Case.Year, a.Case.Sequence, a.Text, a.Case.MeetingDate, a.Order })
            .ToListAsync(cancellationToken);

        var gaps = await Ledger.CoverageGapsHandler.FindAsync(db, quarter, query.GapQuarters, quarter.LastDay, cutOff, cancellationToken);
        var decisions = await Ledger.DecisionsForItemHandler.LoadAsync(db, l => l.MeetingDate >= quarter.FirstDay && l.MeetingDate <= quarter.LastDay, cancellationToken);
        var events = await ActionPointEventsAsync(quarter, referenceDate, cancellationToken);

        var indicatorRows = indicators.Where(i => byId.ContainsKey(i.Id))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => IndicatorRowFor(i, quarter, cutOff, GoalCode(i))).ToList();

        return new QuarterReport(
            quarter.ToString(), quarter.ToDisplayString(), previous.ToString(), cutOff, query.GapQuarters,
            goals, [.. rows.Select(r => r.Row)], indicatorRows, cases.Cases, cases.Groups,
            [.. actionPoints
                .OrderBy(a => a.MeetingDate).ThenBy(a => a.Year).ThenBy(a => a.Sequence).ThenBy(a => a.Order)
                .Select(a => new ActionPointRow($"{Bodies.ShortName(a.Code)} {a.Number}", a.Text, a.MeetingDate,
                    a.MeetingDate is { } d ? referenceDate.DayNumber - d.DayNumber : 0))],
            [.. gaps.Gaps.Select(g => new DiscussionGap(g.Code, g.Name, g.Kind, g.LastDiscussed, g.LastCase))],
            [.. indicatorRows.Where(r => r.Latest?.Period != r.ExpectedPeriod)
                .Select(r => new IndicatorGap(r.Code, r.Name, r.ExpectedPeriod, r.Latest?.Period))],
            [.. chartQuarters.Select(q => q.ToString())],
            casesPerQuarter)
        {
            Decisions =
            [
                .. decisions.Where(d => byId.ContainsKey(d.ItemId)).Select(d =>
                {
                    var item = byId[d.ItemId];
                    var goal = GoalOf(item) is { } g && byId.TryGetValue(g, out var goalItem) ? goalItem : null;
                    return new QuarterDecision(goal?.Code ?? "", goal?.Name ?? UnplacedName, item.Code, item.Name, Kind(item),
                        d.Decision.Case, d.Decision.Title, d.Decision.MeetingDate, d.Decision.Decision, d.Decision.Link);
                })
                .OrderBy(d => d.Goal.Length == 0).ThenBy(d => d.Goal, StringComparer.Ordinal).ThenBy(d => d.Kind != "goal")
                .ThenBy(d => d.Item, StringComparer.Ordinal),
            ],
            ActionPointEvents = events,
        };
    }

    /// <summary>
    /// Action points opened (set at a meeting in the quarter), closed (closed or dropped in it) and overdue (past due and
    /// still open at <paramref name="referenceDate"/>); the current status is what is shown.
    /// </summary>
    private async Task<List<QuarterActionPoint>> ActionPointEventsAsync(Domain.Quarter quarter, DateOnly referenceDate, CancellationToken ct)
    {
        var (first, last) = (quarter.FirstDay, quarter.LastDay);
        var rows = await db.ActionPoints.AsNoTracking()
            // A superset of the three kinds; each is picked out below.
            .Where(a => a.Case!.MeetingDate <= referenceDate && (a.Case.MeetingDate >= first || a.ClosedOn >= first || a.DueOn < referenceDate))
            .Select(a => new
            {
                a.Id, a.Case!.Body!.Code, a.Case.Number, a.Case.Year, a.Case.Sequence, a.Order, a.Text, a.Case.MeetingDate, a.DueOn, a.Status, a.ClosedOn,
                Owners = a.Owners.OrderBy(o => o.Id).Select(o => o.Name).ToList(),
                ClosedByCase = a.ClosedByCase == null ? null : new { a.ClosedByCase.Body!.Code, a.ClosedByCase.Number },
            })
            .ToListAsync(ct);
        var ordered = rows.OrderBy(a => a.MeetingDate).ThenBy(a => a.Year).ThenBy(a => a.Sequence).ThenBy(a => a.Order).ToList();
        var events = new List<QuarterActionPoint>();
        foreach (var (name, happened) in new (string, Func<DateOnly?, DateOnly?, ActionPointStatus, DateOnly?, bool>)[]
        {
            ("opened", (meeting, _, _, _) => meeting >= first && meeting <= last),
            ("closed", (_, closed, _, _) => closed >= first && closed <= referenceDate),
            ("overdue", (meeting, closed, status, due) => meeting <= referenceDate && due < referenceDate
                && (ActionPointStatuses.Unfinished.Contains(status) || closed > referenceDate)),
        })
        {
            events.AddRange(ordered.Where(a => happened(a.MeetingDate, a.ClosedOn, a.Status, a.DueOn)).Select(a => new QuarterActionPoint(
                name, a.Id, $"{Bodies.ShortName(a.Code)} {a.Number}", a.Text, a.MeetingDate, a.Owners, a.DueOn, ActionPointStatuses.Name(a.Status),
                a.ClosedOn, a.ClosedByCase is { } cb ? $"{Bodies.ShortName(cb.Code)} {cb.Number}" : null)));
        }
        return events;
    }

    private async Task<(List<ReportCase> Cases, List<CaseGroup> Groups)> LoadCasesAsync(Domain.Quarter quarter, CancellationToken ct)
    {
        var (first, last) = (quarter.FirstDay, quarter.LastDay);
        var caseRows = await db.Cases.AsNoTracking()
            .Where(c => c.MeetingDate >= first && c.MeetingDate <= last)
            .Select(c => new { c.Id, c.Body!.Code, c.Number, c.Year, c.Sequence, c.SubNumber, c.Title, c.MeetingDate, Meeting = c.Meeting!.Number, c.Type, Decision = c.Decision ?? c.ProposedDecision })
            .ToListAsync(ct);
        var links = await db.CaseLinks.AsNoTracking()
            .Where(l => l.MeetingDate >= first && l.MeetingDate <= last && l.State != LinkState.Rejected)
            .Select(l => new { l.CaseId, l.Item!.Code, l.Item.Name, l.ItemId, l.State, l.Score })
            .ToListAsync(ct);
        var linksByCase = links.ToLookup(l => l.CaseId);
        var itemKinds = (await db.RoadmapItems.AsNoTracking().ToListAsync(ct)).ToDictionary(i => i.Id, Kind);

        var ordered = caseRows.OrderBy(c => c.MeetingDate).ThenBy(c => c.Code).ThenBy(c => c.Year).ThenBy(c => c.Sequence).ThenBy(c => c.SubNumber ?? 0).ToList();
        var cases = ordered.Select(c => new ReportCase(
            $"{Bodies.ShortName(c.Code)} {c.Number}", c.Title, c.MeetingDate, c.Meeting, c.Type, c.Decision,
            [.. linksByCase[c.Id].OrderByDescending(l => l.Score).ThenBy(l => l.Code, StringComparer.Ordinal)
                .Select(l => new CaseItemRef(l.Code, l.Name, l.State.ToString().ToLowerInvariant()))])).ToList();

        var caseById = ordered.Zip(cases).ToDictionary(p => p.First.Id, p => p.Second);
        var groups = links.GroupBy(l => (l.ItemId, l.Code, l.Name))
            .OrderBy(g => itemKinds.GetValueOrDefault(g.Key.ItemId)).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new CaseGroup(g.Key.Code, g.Key.Name, itemKinds.GetValueOrDefault(g.Key.ItemId) ?? "",
                [.. ordered.Where(c => g.Any(l => l.CaseId == c.Id))
                    .Select(c => new CaseRef(caseById[c.Id].Case, c.Title, g.First(l => l.CaseId == c.Id).State.ToString().ToLowerInvariant()))]))
            .ToList();
        var unlinked = ordered.Where(c => !linksByCase[c.Id].Any()).Select(c => new CaseRef(caseById[c.Id].Case, c.Title, "")).ToList();
        if (unlinked.Count > 0) groups.Add(new CaseGroup("", "Ikke koblet til noe i veikartet", "", unlinked));
        return (cases, groups);
    }

    private async Task<List<CaseCountSeries>> CountCasesPerQuarterAsync(
        List<Domain.Quarter> quarters, List<Goal> goals, Func<RoadmapItem, int?> goalOf, Dictionary<int, RoadmapItem> byId, CancellationToken ct)
    {
        var (first, last) = (quarters[0].FirstDay, quarters[^1].LastDay);
        var links = await db.CaseLinks.AsNoTracking()
            .Where(l => l.MeetingDate >= first && l.MeetingDate <= last && l.State != LinkState.Rejected)
            .Select(l => new { l.CaseId, l.ItemId, l.MeetingDate })
            .ToListAsync(ct);
        var index = quarters.Select((q, i) => (q, i)).ToDictionary(x => x.q, x => x.i);
        var goalIndex = goals.Select((g, i) => (g.Id, i)).ToDictionary(x => x.Id, x => x.i);
        // A case counts once per goal and quarter, however many items under the goal it touched.
        var seen = new HashSet<(int Case, int Goal)>();
        var counts = goals.Select(_ => new int[quarters.Count]).ToList();
        foreach (var l in links)
        {
            if (!byId.TryGetValue(l.ItemId, out var item) || goalOf(item) is not { } goalId || !goalIndex.TryGetValue(goalId, out var gi)) continue;
            if (!seen.Add((l.CaseId, goalId))) continue;
            counts[gi][index[Domain.Quarter.FromDate(l.MeetingDate!.Value)]]++;
        }
        return [.. goals.Select((g, i) => new CaseCountSeries(g.Code, g.Name, counts[i]))];
    }

    private static IndicatorRow IndicatorRowFor(Indicator i, Domain.Quarter quarter, DateTimeOffset cutOff, string? goal)
    {
        // A yearly value is due once the year has ended: in 2025-Q1 the newest that can exist is 2024.
        var expected = i.Periodicity == Periodicity.Quarter
            ? Period.Of(quarter)
            : Period.OfYear(quarter.Number == 4 ? quarter.Year : quarter.Year - 1);
        var values = i.Values.Where(v => v.RecordedAt <= cutOff)
            .Select(v => (Period: Period.Parse(v.Period), v.Value)).Where(v => v.Period.LastDay <= quarter.LastDay)
            .OrderBy(v => v.Period).ToList();
        var targets = i.Targets.Select(t => (Period: Period.Parse(t.Period), t.Value))
            .Where(t => t.Period.Year <= quarter.Year).OrderBy(t => t.Period).ToList();
        PeriodPoint? newest = values.Count > 0 ? new PeriodPoint(values[^1].Period.ToString(), values[^1].Value) : null;
        decimal? target = newest is null ? null : targets.Where(t => t.Period.ToString() == newest.Period).Select(t => (decimal?)t.Value).FirstOrDefault();
        return new IndicatorRow(
            i.Code, i.Name, goal, i.Unit, expected.ToString(), newest, target,
            IndicatorStatus.ToCode(IndicatorStatus.Derive(i, newest?.Value, target)),
            [.. values.Select(v => new PeriodPoint(v.Period.ToString(), v.Value))],
            [.. targets.Select(t => new PeriodPoint(t.Period.ToString(), t.Value))]);
    }

    /// <summary>The summary row for sub-goals and initiatives not placed under any goal (its code is empty).</summary>
    public const string UnplacedName = "Ikke plassert under et mål";

    private static RagCounts Count(IEnumerable<string> rags)
    {
        var list = rags.ToList();
        return new RagCounts(list.Count(r => r == "green"), list.Count(r => r == "amber"), list.Count(r => r == "red"), list.Count(r => r == "grey"));
    }

    private static string Kind(RoadmapItem i) => i.Kind.ToString().ToLowerInvariant();
}
