using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings.Parsing;

namespace Nuit.Portfolio.Features.Ledger;

/// <summary>
/// The action points, overdue first (earliest due date first, then those without one, oldest meeting first), with
/// their age in meetings and days, owners, due date and follow-ups. <see cref="Meeting"/> ("1/2025") gives the
/// action points set at that meeting; <see cref="CarriedInto"/> those set earlier and still unfinished when it met.
/// </summary>
public sealed record ListActionPoints : IQuery<IReadOnlyList<ActionPointRow>>
{
    public bool OpenOnly { get; init; }
    public bool OverdueOnly { get; init; }
    public string? Owner { get; init; }
    public string? Status { get; init; }
    public string? Item { get; init; }
    public string? Meeting { get; init; }
    public string? CarriedInto { get; init; }
    public int? Limit { get; init; }

    /// <summary>Only this action point (its page).</summary>
    public int? Id { get; init; }

    /// <summary>The day that counts as today for "overdue" and age; the council's day when not given.</summary>
    public DateOnly? Today { get; init; }
}

public sealed record ActionPointRow(
    int Id, string Case, string CaseTitle, string? Meeting, DateOnly? MeetingDate, string Text, IReadOnlyList<string> Owners,
    DateOnly? Due, string? DueText, string Status, DateOnly? ClosedOn, string? ClosedBy, string? ClosedByCase, string? Note,
    bool Overdue, int? AgeDays, int? AgeMeetings, IReadOnlyList<FollowUpRow> FollowUps, Guid Version);

/// <summary><see cref="State"/> is suggested, confirmed or rejected.</summary>
/// <summary>A later case suggested or confirmed as follow-up; <see cref="Version"/> makes a stale decision a 409.</summary>
public sealed record FollowUpRow(string Case, string State, string Evidence, Guid Version);

public sealed class ListActionPointsValidator : AbstractValidator<ListActionPoints>
{
    public ListActionPointsValidator()
    {
        RuleFor(x => x.Status).Must(s => s is null || ActionPointStatuses.TryParse(s, out _))
            .WithMessage("Ukjent status. Bruk open, in-progress, closed eller dropped.");
        RuleFor(x => x.Meeting).Matches(@"^\d{1,2}/\d{4}$").When(x => x.Meeting is not null).WithMessage("Skriv møtet som 1/2025.");
        RuleFor(x => x.CarriedInto).Matches(@"^\d{1,2}/\d{4}$").When(x => x.CarriedInto is not null).WithMessage("Skriv møtet som 1/2025.");
        RuleFor(x => x.Limit).InclusiveBetween(1, 10_000).When(x => x.Limit is not null);
    }
}

public sealed class ListActionPointsHandler(PortfolioDbContext db, TimeProvider clock) : IQueryHandler<ListActionPoints, IReadOnlyList<ActionPointRow>>
{
    public async ValueTask<IReadOnlyList<ActionPointRow>> Handle(ListActionPoints query, CancellationToken cancellationToken)
    {
        var today = query.Today ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var points = db.ActionPoints.AsNoTracking();
        if (query.Id is { } id) points = points.Where(a => a.Id == id);
        if (query.OpenOnly || query.OverdueOnly) points = points.Where(a => ActionPointStatuses.Unfinished.Contains(a.Status));
        if (query.OverdueOnly) points = points.Where(a => a.DueOn < today);
        if (query.Status is not null && ActionPointStatuses.TryParse(query.Status, out var status)) points = points.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Owner))
        {
            // "nhn" and "Norsk helsenett" find the owner stored as NHN.
            var owner = ActionPointParser.ParseOwners(query.Owner).FirstOrDefault()
                ?? ActionPointParser.ParseOwners(query.Owner.ToUpperInvariant()).FirstOrDefault()
                ?? query.Owner.Trim();
            points = points.Where(a => a.Owners.Any(o => o.Name == owner));
        }
        if (!string.IsNullOrWhiteSpace(query.Item))
        {
            var code = query.Item.Trim().ToUpperInvariant();
            if (!await db.RoadmapItems.AnyAsync(i => i.Code == code, cancellationToken)) throw new NotFoundException($"Finner ikke {code} i veikartet.");
            points = points.Where(a => db.CaseLinks.Any(l => l.CaseId == a.CaseId && l.Item!.Code == code && l.State != LinkState.Rejected));
        }
        if (query.Meeting is not null)
        {
            var meetingId = await MeetingIdAsync(query.Meeting, cancellationToken);
            points = points.Where(a => a.Case!.MeetingId == meetingId);
        }
        if (query.CarriedInto is not null)
        {
            var meetingId = await MeetingIdAsync(query.CarriedInto, cancellationToken);
            var meeting = await db.Meetings.Where(m => m.Id == meetingId).Select(m => new { m.BodyId, m.Date }).SingleAsync(cancellationToken);
            points = points.Where(a => a.Case!.BodyId == meeting.BodyId && a.Case.MeetingDate < meeting.Date
                && (ActionPointStatuses.Unfinished.Contains(a.Status) || a.ClosedOn >= meeting.Date));
        }

        // Earliest due first puts the overdue ones on top; those with no date follow, oldest meeting first.
        var ordered = points.OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Case!.MeetingDate).ThenBy(a => a.CaseId).ThenBy(a => a.Order);
        var limited = query.Limit is { } n ? ordered.Take(n) : ordered;
        var rows = await limited.Select(a => new
        {
            a.Id, a.Case!.Body!.Code, a.Case.BodyId, a.Case.Number, a.Case.Title, Meeting = a.Case.Meeting!.Number, a.Case.MeetingDate, a.Text,
            Owners = a.Owners.OrderBy(o => o.Id).Select(o => o.Name).ToList(),
            a.DueOn, a.DueText, a.Status, a.ClosedOn, a.ClosedBy, ClosedByCase = a.ClosedByCase == null ? null : new { a.ClosedByCase.Body!.Code, a.ClosedByCase.Number },
            a.Note, a.Version,
        }).ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var followUps = new List<(int ActionPointId, FollowUpRow Row, DateOnly? Date)>();
        foreach (var chunk in ids.Chunk(500))
            followUps.AddRange((await db.FollowUps.AsNoTracking().Where(f => chunk.Contains(f.ActionPointId))
                    .Select(f => new { f.ActionPointId, f.Case!.Body!.Code, f.Case.Number, f.State, f.Evidence, f.Case.MeetingDate, f.Version }).ToListAsync(cancellationToken))
                .Select(f => (f.ActionPointId, new FollowUpRow($"{Bodies.ShortName(f.Code)} {f.Number}", StateName(f.State), f.Evidence, f.Version), f.MeetingDate)));
        var byPoint = followUps.GroupBy(f => f.ActionPointId).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Date).Select(f => f.Row).ToList());

        var bodies = rows.Select(r => r.BodyId).Distinct().ToList();
        var meetingDates = (await db.Meetings.AsNoTracking().Where(m => bodies.Contains(m.BodyId) && m.Date <= today)
                .Select(m => new { m.BodyId, m.Date }).ToListAsync(cancellationToken))
            .GroupBy(m => m.BodyId).ToDictionary(g => g.Key, g => g.Select(m => m.Date).ToList());

        return rows.Select(r =>
        {
            var unfinished = ActionPointStatuses.Unfinished.Contains(r.Status);
            int? ageMeetings = r.MeetingDate is { } md ? meetingDates.GetValueOrDefault(r.BodyId)?.Count(d => d > md) ?? 0 : null;
            return new ActionPointRow(
                r.Id, $"{Bodies.ShortName(r.Code)} {r.Number}", r.Title, r.Meeting, r.MeetingDate, r.Text, r.Owners,
                r.DueOn, r.DueText, ActionPointStatuses.Name(r.Status), r.ClosedOn, r.ClosedBy,
                r.ClosedByCase is { } cb ? $"{Bodies.ShortName(cb.Code)} {cb.Number}" : null, r.Note,
                unfinished && r.DueOn < today,
                r.MeetingDate is { } d ? (unfinished ? today : r.ClosedOn ?? today).DayNumber - d.DayNumber : null,
                ageMeetings, byPoint.GetValueOrDefault(r.Id) ?? [], r.Version);
        }).ToList();
    }

    public static string StateName(LinkState state) => state.ToString().ToLowerInvariant();

    private async Task<int> MeetingIdAsync(string number, CancellationToken ct) =>
        await db.Meetings.Where(m => m.Number == number.Trim()).OrderBy(m => m.BodyId).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Finner ikke møte {number}.");
}
