using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Shared;
using Nuit.Portfolio.Features.Status;

namespace Nuit.Portfolio.Features.Ledger;

/// <summary>
/// What changed for a roadmap item since the council last met (the newest NUIT meeting on or before today): cases of
/// later meetings that touch it (a coming meeting's agenda included) with their decisions and action points, action
/// points on its cases closed since, each quarter's status of record where it was recorded since, and values recorded
/// since for its indicators (its own, those under it, and its goal's). With <see cref="Newest"/> only the newest that many
/// cases and action points (oldest to newest still), and the decisions of those cases: the item page, where a busy item
/// had 1,600 cases since the last meeting on the synthetic register (issue 18).
/// </summary>
public sealed record ChangesSinceLastMeeting(string Item, DateOnly? Today = null, int? Newest = null) : IQuery<ItemChanges>;

/// <param name="Meeting">The last meeting ("1/2025"); null when the register has none yet (everything counts then).</param>
public sealed record ItemChanges(
    string Item, string? Meeting, DateOnly? Since, IReadOnlyList<ChangedCase> Cases, IReadOnlyList<ItemDecision> Decisions,
    IReadOnlyList<ChangedActionPoint> ActionPoints, IReadOnlyList<ChangedStatus> Statuses, IReadOnlyList<ChangedIndicatorValue> IndicatorValues);

public sealed record ChangedCase(string Case, string Title, string? Meeting, DateOnly? MeetingDate, string Link);

/// <param name="Change">new (set at a later meeting) or closed (closed or dropped since).</param>
public sealed record ChangedActionPoint(int Id, string Case, string Text, string Status, string Change);

public sealed record ChangedStatus(string Quarter, string Rag, string? Text, string By, DateTimeOffset RecordedAt);

public sealed record ChangedIndicatorValue(string Indicator, string Period, decimal Value, string Source, DateTimeOffset RecordedAt);

public sealed class ChangesSinceLastMeetingHandler(PortfolioDbContext db, TimeProvider clock) : IQueryHandler<ChangesSinceLastMeeting, ItemChanges>
{
    public async ValueTask<ItemChanges> Handle(ChangesSinceLastMeeting query, CancellationToken cancellationToken)
    {
        var item = await ItemLookup.FindAsync(db, query.Item, cancellationToken);
        var last = await LastMeetingAsync(db, query.Today ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime), cancellationToken);
        var since = last?.Date ?? DateOnly.MinValue;
        var sinceInstant = new DateTimeOffset(since.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);

        var links = db.CaseLinks.AsNoTracking().Where(l => l.ItemId == item.Id && l.State != LinkState.Rejected);
        // The cases and their decisions in one read (issue 18): the decisions are the same links, ordered the same way,
        // that have a decision, so a second query over the same rows only doubled the work on a long list.
        var later = links.Where(l => l.MeetingDate > since);
        var rows = await (query.Newest is { } n
                ? later.OrderByDescending(l => l.MeetingDate).ThenByDescending(l => l.CaseId).Take(n) // the index's order: no sort, stops at n
                : later.OrderBy(l => l.MeetingDate).ThenBy(l => l.Case!.Sequence))
            .Select(l => new
            {
                l.Case!.Body!.Code, l.Case.Number, l.Case.Title, Meeting = l.Case.Meeting!.Number, l.Case.MeetingDate, l.State,
                l.Case.Decision, l.Case.DecisionUpdated, l.Case.Sequence,
            })
            .ToListAsync(cancellationToken);
        if (query.Newest is not null) rows = [.. rows.OrderBy(r => r.MeetingDate).ThenBy(r => r.Sequence)];
        var cases = new List<ChangedCase>(rows.Count);
        var decisions = new List<ItemDecision>();
        foreach (var r in rows)
        {
            var (key, link) = ($"{Bodies.ShortName(r.Code)} {r.Number}", ListActionPointsHandler.StateName(r.State));
            cases.Add(new ChangedCase(key, r.Title, r.Meeting, r.MeetingDate, link));
            if (r.Decision is not null) decisions.Add(new ItemDecision(key, r.Title, r.Meeting, r.MeetingDate, r.Decision, r.DecisionUpdated, link));
        }

        var changedPoints = db.ActionPoints.AsNoTracking()
            .Where(a => links.Any(l => l.CaseId == a.CaseId) && (a.Case!.MeetingDate > since || a.ClosedOn > since));
        var points = await (query.Newest is { } m
                ? changedPoints.OrderByDescending(a => a.Case!.MeetingDate).ThenByDescending(a => a.Case!.Sequence).ThenByDescending(a => a.Order).Take(m)
                : changedPoints.OrderBy(a => a.Case!.MeetingDate).ThenBy(a => a.Case!.Sequence).ThenBy(a => a.Order))
            .Select(a => new { a.Id, a.Case!.Body!.Code, a.Case.Number, a.Text, a.Status, a.Case.MeetingDate })
            .ToListAsync(cancellationToken);
        if (query.Newest is not null) points.Reverse();

        // Each quarter's status of record, where it was recorded after the meeting's day: read through the index, so the
        // list is bounded by quarters, not by how often someone edited (issue 23 item 6).
        var statuses = (await LatestStatuses.PerQuarterAsync(db, item.Id, cancellationToken))
            .Where(s => s.RecordedAt > sinceInstant).OrderBy(s => s.RecordedAt)
            .Select(s => new ChangedStatus(s.Quarter.ToString(), s.Rag.ToCode(), s.Narrative, s.Author, s.RecordedAt)).ToList();
        var goalId = item.GoalId;
        var values = (await db.IndicatorValues.AsNoTracking()
                .Where(v => v.IndicatorId == item.Id || v.Indicator!.GoalId == item.Id || v.Indicator.SubGoals.Any(s => s.Id == item.Id)
                    || (goalId != null && v.Indicator.GoalId == goalId))
                .Select(v => new { v.Indicator!.Code, v.Period, v.Value, v.Source, v.RecordedAt })
                .ToListAsync(cancellationToken))
            .Where(v => v.RecordedAt > sinceInstant).OrderBy(v => v.RecordedAt)
            .Select(v => new ChangedIndicatorValue(v.Code, v.Period, v.Value, v.Source, v.RecordedAt)).ToList();

        return new ItemChanges(item.Code, last?.Number, last?.Date, cases, decisions,
            [.. points.Select(p => new ChangedActionPoint(p.Id, $"{Bodies.ShortName(p.Code)} {p.Number}", p.Text, ActionPointStatuses.Name(p.Status),
                p.MeetingDate > since ? "new" : "closed"))],
            statuses, values);
    }

    /// <summary>The council's last meeting on or before <paramref name="today"/>: where «since the last meeting» starts.</summary>
    public static Task<LastMeeting?> LastMeetingAsync(PortfolioDbContext db, DateOnly today, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Where(m => m.Body!.Code == BodyCode.Nuit && m.Date <= today)
            .OrderByDescending(m => m.Date).Select(m => new LastMeeting(m.Number, m.Date)).FirstOrDefaultAsync(ct);
}

public sealed record LastMeeting(string Number, DateOnly Date);
