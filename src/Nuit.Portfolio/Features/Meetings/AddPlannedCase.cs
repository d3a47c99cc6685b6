using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Meetings.Import;
using Nuit.Portfolio.Features.Meetings.Planning;
using Nuit.Portfolio.Features.Shared;

namespace Nuit.Portfolio.Features.Meetings;

/// <summary>
/// Adds a case to a planned meeting: the next case number of the year, the next time slot, the roadmap items it is about
/// (confirmed links), and a cover-note draft with what the register knows about those items. Gives the draft pack.
/// </summary>
public sealed record AddPlannedCase(string Meeting, string Title, string Type) : ICommand<MeetingPack>
{
    public string? Owner { get; init; }
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>The case's time slot; half an hour after the previous case when not given.</summary>
    public TimeOnly? Time { get; init; }
    public string? ProposedDecision { get; init; }
    public string? Purpose { get; init; }
    public string? Questions { get; init; }
    public string? NextSteps { get; init; }
}

public sealed class AddPlannedCaseValidator : AbstractValidator<AddPlannedCase>
{
    public AddPlannedCaseValidator()
    {
        RuleFor(x => x.Meeting).MustNameAMeeting();
        RuleFor(x => x.Title).NotEmpty().WithMessage("Skriv tittelen på saken.").MaximumLength(300);
        RuleFor(x => x.Type).Must(t => PlannedMeetings.CaseTypes.Contains(t?.Trim(), StringComparer.OrdinalIgnoreCase))
            .WithMessage((_, t) => $"Sakstype «{t}» finnes ikke. Bruk Godkjenning, Orientering eller Drøfting.");
        RuleFor(x => x.Owner).MaximumLength(200);
        RuleForEach(x => x.Items).NotEmpty().WithMessage("En tom kode er ikke et element i veikartet.");
        RuleFor(x => x.ProposedDecision).MaximumLength(4000);
        RuleFor(x => x.Purpose).MaximumLength(20000);
        RuleFor(x => x.Questions).MaximumLength(20000);
        RuleFor(x => x.NextSteps).MaximumLength(20000);
    }
}

public sealed class AddPlannedCaseHandler(PortfolioDbContext db, TimeProvider clock, CaseLinker linker, LedgerRefresher ledger, AuditTrail audit)
    : ICommandHandler<AddPlannedCase, MeetingPack>
{
    public async ValueTask<MeetingPack> Handle(AddPlannedCase command, CancellationToken cancellationToken)
    {
        var key = MeetingKey.Parse(command.Meeting);
        var meeting = await PlannedMeetings.LoadAsync(db, key, cancellationToken);
        if (!meeting.IsPlanned)
            throw new InputException("møte", "felt meeting",
                $"Møte {key} er holdt (referatet er importert), så det tar ikke imot planlagte saker. Ingenting er lagret.");

        var items = new List<RoadmapItem>();
        foreach (var code in command.Items.Select(i => i.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
            items.Add(await ItemLookup.FindAsync(db, code, cancellationToken));

        var number = await PlannedMeetings.NextNumberAsync(db, meeting.BodyId, meeting, cancellationToken);
        var last = PlannedMeetings.Ordered(meeting.Cases).LastOrDefault();
        var slot = command.Time ?? last?.TimeSlot?.AddMinutes(30) ?? meeting.StartTime ?? PlanMeetingHandler.DefaultStart;
        var type = PlannedMeetings.CaseTypes.First(t => string.Equals(t, command.Type.Trim(), StringComparison.OrdinalIgnoreCase));
        var entity = new Case
        {
            BodyId = meeting.BodyId,
            Number = number.ToString(),
            Year = number.Year,
            Sequence = number.Sequence,
            Title = command.Title.Trim(),
            Type = type,
            Owner = string.IsNullOrWhiteSpace(command.Owner) ? null : command.Owner.Trim(),
            Meeting = meeting,
            MeetingDate = meeting.Date,
            AgendaOrder = (meeting.Cases.Max(c => c.AgendaOrder) ?? meeting.Cases.Count) + 1,
            TimeSlot = slot,
        };
        meeting.Cases.Add(entity);
        foreach (var item in items)
            entity.Links.Add(new CaseLink
            {
                Item = item,
                MeetingDate = meeting.Date,
                State = LinkState.Confirmed,
                Origin = LinkOrigin.Manual,
                Score = 1,
                Evidence = [new LinkEvidence("Notat", "Planlagt sak om dette elementet", 0)],
                DecidedBy = audit.User.Name,
                DecidedAt = audit.Now,
            });

        var (background, decisions) = await PlannedMeetings.RegisterDraftAsync(db, clock, meeting, items, cancellationToken);
        var draft = new PackCase(entity.Number, entity.Title, type, slot, entity.Owner, [.. items.Select(i => i.Code)], command.ProposedDecision,
            [
                new PackSection(CoverNoteHeadings.Purpose, command.Purpose ?? ""),
                new PackSection(CoverNoteHeadings.Background, background),
                new PackSection(CoverNoteHeadings.Questions, command.Questions ?? ""),
                new PackSection(CoverNoteHeadings.NextSteps, command.NextSteps ?? ""),
            ],
            decisions);
        PlannedMeetings.StoreAsRead(meeting, PlannedMeetings.With(PlannedMeetings.ToPack(meeting), draft));

        audit.Record(items.Count == 1 ? items[0].Code : null, $"{key} sak {entity.Number}", "planlagt sak", null,
            $"{entity.Title} ({type}{(items.Count > 0 ? ", " + string.Join(", ", items.Select(i => i.Code)) : "")})");
        await db.SaveChangesAsync(cancellationToken);
        await ReferenceResolver.ResolveAsync(db, cancellationToken);
        await linker.RefreshAsync([entity.Id], cancellationToken);
        await ledger.RefreshAsync([entity.Id], cancellationToken);
        return PlannedMeetings.ToPack(meeting);
    }
}
