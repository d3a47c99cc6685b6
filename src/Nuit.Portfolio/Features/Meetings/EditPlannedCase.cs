using System.Globalization;
using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Meetings.Planning;

namespace Nuit.Portfolio.Features.Meetings;

/// <summary>
/// The secretary edits a planned case: title, type, owner, time slot, proposed decision and the cover note's texts. A field
/// left out stays as it is; an empty text clears it. The draft is stored as the Word import reads it, like when it was added.
/// </summary>
public sealed record EditPlannedCase(string Meeting, string Case) : ICommand<MeetingPack>
{
    public string? Title { get; init; }
    public string? Type { get; init; }
    public string? Owner { get; init; }
    public TimeOnly? Time { get; init; }
    public string? ProposedDecision { get; init; }
    public string? Purpose { get; init; }
    public string? Background { get; init; }
    public string? Questions { get; init; }
    public string? NextSteps { get; init; }

    /// <summary>The case's version the editor saw; an edit made on stale data is refused.</summary>
    public Guid? ExpectedVersion { get; init; }
}

public sealed class EditPlannedCaseValidator : AbstractValidator<EditPlannedCase>
{
    public EditPlannedCaseValidator()
    {
        RuleFor(x => x.Meeting).MustNameAMeeting();
        RuleFor(x => x.Case).NotEmpty().WithMessage("Oppgi saksnummeret, f.eks. 14/25.");
        RuleFor(x => x.Title).NotEmpty().When(x => x.Title is not null).WithMessage("Tittelen kan ikke være tom.").MaximumLength(300);
        RuleFor(x => x.Type).Must(t => PlannedMeetings.CaseTypes.Contains(t?.Trim(), StringComparer.OrdinalIgnoreCase)).When(x => x.Type is not null)
            .WithMessage((_, t) => $"Sakstype «{t}» finnes ikke. Bruk Godkjenning, Orientering eller Drøfting.");
        RuleFor(x => x.Owner).MaximumLength(200);
        RuleFor(x => x.ProposedDecision).MaximumLength(4000);
        RuleFor(x => x.Purpose).MaximumLength(20000);
        RuleFor(x => x.Background).MaximumLength(20000);
        RuleFor(x => x.Questions).MaximumLength(20000);
        RuleFor(x => x.NextSteps).MaximumLength(20000);
    }
}

public sealed class EditPlannedCaseHandler(PortfolioDbContext db, CaseLinker linker, LedgerRefresher ledger, AuditTrail audit)
    : ICommandHandler<EditPlannedCase, MeetingPack>
{
    public async ValueTask<MeetingPack> Handle(EditPlannedCase command, CancellationToken cancellationToken)
    {
        var key = MeetingKey.Parse(command.Meeting);
        var meeting = await PlannedMeetings.LoadAsync(db, key, cancellationToken);
        var number = command.Case.Trim();
        var entity = meeting.Cases.FirstOrDefault(c => c.Number == number)
            ?? throw new NotFoundException($"Møte {key} har ingen sak {number}.", "case");
        if (!meeting.IsPlanned)
            throw new InputException("møte", "felt meeting", $"Møte {key} er holdt (referatet er importert); rett saken ved å importere dokumentene. Ingenting er lagret.");
        db.ExpectVersion(entity, command.ExpectedVersion);

        var subject = $"{key} sak {number}";
        string? Set(string field, string? before, string? after)
        {
            audit.Record(null, subject, field, before, after);
            return after;
        }
        if (command.Title is { } title) entity.Title = Set("tittel", entity.Title, title.Trim())!;
        if (command.Type is { } type)
            entity.Type = Set("sakstype", entity.Type, PlannedMeetings.CaseTypes.First(t => string.Equals(t, type.Trim(), StringComparison.OrdinalIgnoreCase)));
        if (command.Owner is { } owner) entity.Owner = Set("sakseier", entity.Owner, Blank(owner));
        if (command.Time is { } time) { audit.Record(null, subject, "tidspunkt", entity.TimeSlot?.ToString("HH:mm", CultureInfo.InvariantCulture), time.ToString("HH:mm", CultureInfo.InvariantCulture)); entity.TimeSlot = time; }
        if (command.ProposedDecision is { } proposal) entity.ProposedDecision = Set("forslag til vedtak", entity.ProposedDecision, Blank(proposal));

        // An emptied text is removed here: the import's merge only replaces the headings a document has.
        var texts = new (string Heading, string? Text)[]
        {
            (CoverNoteHeadings.Purpose, command.Purpose), (CoverNoteHeadings.Background, command.Background),
            (CoverNoteHeadings.Questions, command.Questions), (CoverNoteHeadings.NextSteps, command.NextSteps),
        };
        foreach (var (heading, text) in texts.Where(t => t.Text is not null))
        {
            var old = string.Join("\n", entity.Sections.Where(s => s.Kind == heading).Select(s => s.Text));
            audit.Record(null, subject, heading, old, text);
            if (Blank(text) is null) entity.Sections.RemoveAll(s => s.Kind == heading);
        }

        var pack = PlannedMeetings.ToPack(meeting);
        var current = pack.Cases.Single(c => c.Number == number);
        var edited = current with
        {
            Sections = [.. current.Sections.Select(s => texts.FirstOrDefault(t => t.Heading == s.Heading).Text is { } text ? s with { Text = text } : s)],
        };
        PlannedMeetings.StoreAsRead(meeting, PlannedMeetings.With(pack, edited));
        entity.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        await linker.RefreshAsync([entity.Id], cancellationToken);
        await ledger.RefreshAsync([entity.Id], cancellationToken);
        return PlannedMeetings.ToPack(meeting);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
