using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings;

/// <summary>Meetings, newest first, with how many cases each treated.</summary>
public sealed record ListMeetings : IQuery<IReadOnlyList<MeetingSummary>>;

/// <summary><see cref="Planned"/>: planned and not yet held; its agenda is the secretariat's draft.</summary>
public sealed record MeetingSummary(string Body, string Number, DateOnly Date, string? Place, bool HasAgenda, bool HasMinutes, int Cases, bool Planned = false);

public sealed class ListMeetingsHandler(PortfolioDbContext db) : IQueryHandler<ListMeetings, IReadOnlyList<MeetingSummary>>
{
    public async ValueTask<IReadOnlyList<MeetingSummary>> Handle(ListMeetings query, CancellationToken cancellationToken)
    {
        var rows = await db.Meetings.AsNoTracking()
            .OrderByDescending(m => m.Date)
            .Select(m => new { m.Body!.Code, m.Number, m.Date, m.Place, m.HasAgenda, m.HasMinutes, Cases = m.Cases.Count, m.IsPlanned })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(m => new MeetingSummary(Bodies.ShortName(m.Code), m.Number, m.Date, m.Place, m.HasAgenda, m.HasMinutes, m.Cases, m.IsPlanned))];
    }
}
