using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings;

/// <summary>One meeting: when and where, who attended, its cases in agenda order with the items each touched, and the stored originals it was read from.</summary>
public sealed record GetMeeting(string Body, string Number) : IQuery<MeetingDetail>;

public sealed record MeetingDetail(
    string Body, string Number, DateOnly Date, TimeOnly? Start, TimeOnly? End, string? Place, bool HasAgenda, bool HasMinutes,
    IReadOnlyList<AttendeeDto> Attendees, IReadOnlyList<MeetingCase> Cases)
{
    /// <summary>The stored originals (agenda, minutes) the meeting's cases were read from; filled by the handler.</summary>
    public IReadOnlyList<MeetingDocument> Documents { get; init; } = [];
}

/// <summary>
/// A stored original; <see cref="Id"/> opens it at /documents/{id}. <see cref="Minutes"/>: it gave this meeting's cases
/// the minutes' own text («Referat»), so it is the minutes even inside an agenda's file (2/2024 came as Vedlegg 1 of 3/2024's).
/// </summary>
public sealed record MeetingDocument(int Id, string FileName, bool Minutes);

/// <summary>A roadmap item a case touched (a suggested or confirmed link).</summary>
public sealed record CaseItemRef(RoadmapItemKind Kind, string Code, LinkState State);

public sealed record AttendeeDto(string Name, string? Organisation, AttendanceRole Role);

public sealed record MeetingCase(string Case, string Number, string Title, string? Type, TimeOnly? TimeSlot, string? Decision)
{
    public IReadOnlyList<CaseItemRef> Items { get; init; } = [];
}

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
        var caseIds = m.Cases.Select(c => c.Id).ToList();
        var links = (await db.CaseLinks.AsNoTracking()
                .Where(l => caseIds.Contains(l.CaseId) && l.State != LinkState.Rejected)
                .Select(l => new { l.CaseId, l.Item, l.State })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.CaseId);
        var documents = await db.CaseSections.AsNoTracking()
            .Where(s => caseIds.Contains(s.CaseId) && s.DocumentId != null)
            .Select(s => new { Id = s.DocumentId!.Value, s.Document!.FileName, s.Kind })
            .Distinct()
            .ToListAsync(cancellationToken);
        return new MeetingDetail(Bodies.ShortName(body), m.Number, m.Date, m.StartTime, m.EndTime, m.Place, m.HasAgenda, m.HasMinutes,
            [.. m.Attendances.OrderBy(a => a.Role).ThenBy(a => a.Id).Select(a => new AttendeeDto(a.PersonName, a.Organisation?.Name, a.Role))],
            [.. m.Cases.OrderBy(c => c.AgendaOrder ?? int.MaxValue).ThenBy(c => c.Sequence)
                .Select(c => new MeetingCase($"{Bodies.ShortName(body)} {c.Number}", c.Number, c.Title, c.Type, c.TimeSlot, c.Decision ?? c.ProposedDecision)
                {
                    Items = [.. links[c.Id].OrderBy(l => l.State != LinkState.Confirmed).ThenBy(l => l.Item!.Code, StringComparer.Ordinal)
                        .Select(l => new CaseItemRef(l.Item!.Kind, l.Item.Code, l.State))],
                })])
        {
            Documents = [.. documents.GroupBy(d => (d.Id, d.FileName)).OrderBy(g => g.Key.Id)
                .Select(g => new MeetingDocument(g.Key.Id, g.Key.FileName, g.Any(d => d.Kind == "Referat") || (m.HasMinutes && !m.HasAgenda)))],
        };
    }
}
