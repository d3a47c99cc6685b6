using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings;

/// <summary>One meeting: when and where, who attended, and its cases in agenda order.</summary>
public sealed record GetMeeting(string Body, string Number) : IQuery<MeetingDetail>;

public sealed record MeetingDetail(
    string Body, string Number, DateOnly Date, TimeOnly? Start, TimeOnly? End, string? Place, bool HasAgenda, bool HasMinutes,
    IReadOnlyList<AttendeeDto> Attendees, IReadOnlyList<MeetingCase> Cases);

public sealed record AttendeeDto(string Name, string? Organisation, AttendanceRole Role);

public sealed record MeetingCase(string Case, string Number, string Title, string? Type, TimeOnly? TimeSlot, string? Decision);

public sealed class GetMeetingHandler(PortfolioDbContext db) : IQueryHandler<GetMeeting, MeetingDetail>
{
    public async ValueTask<MeetingDetail> Handle(GetMeeting query, CancellationToken cancellationToken)
    {
        if (!Bodies.TryParse(query.Body, out var body)) throw new NotFoundException($"Finner ikke organet «{query.Body}».");
        // In URLs the slash of "3/2024" is written as a dash.
        var number = query.Number.Replace('-', '/');
        var m = await db.Meetings.AsNoTracking()
            .Include(x => x.Attendances).ThenInclude(a => a.Organisation)
            .Include(x => x.Cases)
            .FirstOrDefaultAsync(x => x.Body!.Code == body && x.Number == number, cancellationToken)
            ?? throw new NotFoundException($"Finner ikke møte {number} i {Bodies.ShortName(body)}.");
        return new MeetingDetail(Bodies.ShortName(body), m.Number, m.Date, m.StartTime, m.EndTime, m.Place, m.HasAgenda, m.HasMinutes,
            [.. m.Attendances.OrderBy(a => a.Role).ThenBy(a => a.Id).Select(a => new AttendeeDto(a.PersonName, a.Organisation?.Name, a.Role))],
            [.. m.Cases.OrderBy(c => c.AgendaOrder ?? int.MaxValue).ThenBy(c => c.Sequence)
                .Select(c => new MeetingCase($"{Bodies.ShortName(body)} {c.Number}", c.Number, c.Title, c.Type, c.TimeSlot, c.Decision ?? c.ProposedDecision))]);
    }
}
