using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Meetings.Import;
using Nuit.Portfolio.Features.Meetings.Planning;

namespace Nuit.Portfolio.Features.Meetings;

/// <summary>
/// Plans the next meeting before it is held: number, date, place, with the fixed items proposed (approval of the previous
/// minutes, and "Oppfølging av aksjonspunkter" listing the open and overdue action points). Gives the draft pack.
/// </summary>
public sealed record PlanMeeting(string Meeting, DateOnly Date) : ICommand<MeetingPack>
{
    public string? Place { get; init; }

    /// <summary>When the meeting starts (09:00 when not given); the fixed items take the first slots.</summary>
    public TimeOnly? Start { get; init; }
    public TimeOnly? End { get; init; }
}

public sealed class PlanMeetingValidator : AbstractValidator<PlanMeeting>
{
    public PlanMeetingValidator()
    {
        RuleFor(x => x.Meeting).MustNameAMeeting();
        RuleFor(x => x.Place).MaximumLength(300);
        RuleFor(x => x.End).GreaterThan(x => x.Start ?? PlanMeetingHandler.DefaultStart).When(x => x.End is not null)
            .WithMessage("Sluttiden må være etter starttiden.");
    }
}

public sealed class PlanMeetingHandler(PortfolioDbContext db, TimeProvider clock, CaseLinker linker, LedgerRefresher ledger, AuditTrail audit)
    : ICommandHandler<PlanMeeting, MeetingPack>
{
    public static readonly TimeOnly DefaultStart = new(9, 0);

    public async ValueTask<MeetingPack> Handle(PlanMeeting command, CancellationToken cancellationToken)
    {
        var key = MeetingKey.Parse(command.Meeting);
        var body = await db.Bodies.FirstOrDefaultAsync(b => b.Code == key.Body, cancellationToken)
            ?? db.Bodies.Add(new Body { Code = key.Body, ShortName = Bodies.ShortName(key.Body), Name = Bodies.FullName(key.Body) }).Entity;
        if (body.Id != 0 && await db.Meetings.Where(m => m.BodyId == body.Id && m.Number == key.Number)
                .Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(cancellationToken) is { } existing)
            throw new InputException("møte", "felt meeting",
                $"Møte {key} finnes allerede ({PlannedMeetings.FormatDate(existing)}). Ingenting er lagret. Legg til saker med nuit meetings add-case \"{key}\".");

        var start = command.Start ?? DefaultStart;
        var meeting = db.Meetings.Add(new Meeting
        {
            Body = body,
            Number = key.Number,
            Date = command.Date,
            StartTime = start,
            EndTime = command.End,
            Place = string.IsNullOrWhiteSpace(command.Place) ? null : command.Place.Trim(),
            IsPlanned = true,
            // The draft is the meeting's agenda until the real one is imported over it.
            HasAgenda = true,
        }).Entity;

        var shortName = Bodies.ShortName(key.Body);
        var drafts = new List<PackCase>();
        var previous = body.Id == 0 ? null : await db.Meetings.Where(m => m.BodyId == body.Id && m.Date < command.Date)
            .OrderByDescending(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(cancellationToken);
        if (previous is { } prev)
        {
            var when = PlannedMeetings.FormatDate(prev);
            drafts.Add(await FixedCaseAsync(meeting, body, $"Godkjenning av referatet fra {shortName} {when}", "Godkjenning", start,
                $"{shortName} godkjenner referatet fra møtet {when}.", "", cancellationToken));
        }

        // Open and overdue action points of this body, overdue ones first (the ledger's own order).
        var open = (await new ListActionPointsHandler(db, clock).Handle(new ListActionPoints { OpenOnly = true }, cancellationToken))
            .Where(a => a.Case.StartsWith(shortName + " ", StringComparison.Ordinal)).ToList();
        var background = open.Count == 0
            ? "Det er ingen åpne aksjonspunkter."
            : $"Åpne aksjonspunkter ({open.Count}, av dem {open.Count(a => a.Overdue)} forfalt):\n" + string.Join("\n", open.Select(PlannedMeetings.ActionPointLine));
        drafts.Add(await FixedCaseAsync(meeting, body, "Oppfølging av aksjonspunkter", "Orientering", start.AddMinutes(10 * drafts.Count),
            $"{shortName} tar oppfølgingen av aksjonspunktene til orientering.", background, cancellationToken));

        var pack = PlannedMeetings.ToPack(meeting);
        foreach (var draft in drafts) pack = PlannedMeetings.With(pack, draft);
        PlannedMeetings.StoreAsRead(meeting, pack);
        audit.Record(null, $"{shortName} møte {key.Number}", "planlagt møte", null,
            $"{command.Date:yyyy-MM-dd} med {meeting.Cases.Count} faste saker");
        await db.SaveChangesAsync(cancellationToken);
        await ReferenceResolver.ResolveAsync(db, cancellationToken);
        var ids = meeting.Cases.Select(c => c.Id).ToList();
        await linker.RefreshAsync(ids, cancellationToken);
        await ledger.RefreshAsync(ids, cancellationToken);
        return PlannedMeetings.ToPack(meeting);
    }

    private async Task<PackCase> FixedCaseAsync(
        Meeting meeting, Body body, string title, string type, TimeOnly slot, string proposal, string background, CancellationToken ct)
    {
        var number = await PlannedMeetings.NextNumberAsync(db, body.Id, meeting, ct);
        var entity = new Case
        {
            Body = body,
            Number = number.ToString(),
            Year = number.Year,
            Sequence = number.Sequence,
            Title = title,
            Type = type,
            Meeting = meeting,
            MeetingDate = meeting.Date,
            AgendaOrder = meeting.Cases.Count + 1,
            TimeSlot = slot,
        };
        meeting.Cases.Add(entity);
        return new PackCase(entity.Number, title, type, slot, null, [], proposal,
            [new PackSection(CoverNoteHeadings.Background, background)], []);
    }
}
