using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Meetings.Planning;

namespace Nuit.Portfolio.Features.Meetings;

/// <summary>A meeting's pack as stored (planned or held): notice, agenda and cover notes, for Word, HTML and the API.</summary>
public sealed record GetMeetingPack(string Meeting) : IQuery<MeetingPack>;

public sealed class GetMeetingPackValidator : AbstractValidator<GetMeetingPack>
{
    public GetMeetingPackValidator() =>
        RuleFor(x => x.Meeting).MustNameAMeeting();
}

public sealed class GetMeetingPackHandler(PortfolioDbContext db) : IQueryHandler<GetMeetingPack, MeetingPack>
{
    public async ValueTask<MeetingPack> Handle(GetMeetingPack query, CancellationToken cancellationToken) =>
        PlannedMeetings.ToPack(await PlannedMeetings.LoadAsync(db, MeetingKey.Parse(query.Meeting), cancellationToken, tracked: false));
}
