using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Shared;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Features.Status;

/// <summary>
/// Records the status of a goal, sub-goal or initiative for a quarter. Each call adds a row: the newest
/// for a quarter counts, earlier ones remain as history (who said what, when).
/// With <see cref="SeenLatest"/> (when the newest status the person saw for the item was recorded; <see cref="DateTimeOffset.MinValue"/>
/// when they saw none) a form filled in while someone else reported the same quarter fails as a conflict instead of silently replacing it.
/// </summary>
public sealed record SetStatus(string Item, string Quarter, string Rag, string? Text, DateTimeOffset? SeenLatest = null) : ICommand<StatusEntry>;

public sealed record StatusEntry(
    string Item, string Quarter, string Rag, string RagText, string? Narrative, string Author, DateTimeOffset RecordedAt);

public sealed class SetStatusValidator : AbstractValidator<SetStatus>
{
    public SetStatusValidator()
    {
        RuleFor(x => x.Item).NotEmpty().WithMessage("Oppgi koden til et mål, delmål eller tiltak, f.eks. SFM.");
        RuleFor(x => x.Quarter).MustBeAQuarter();
        RuleFor(x => x.Rag).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Velg en status: grønn, gul eller rød.")
            .Must(r => RagStatuses.TryParse(r, out _))
            .WithMessage(x => $"«{x.Rag}» er ikke en status. Bruk green, amber, red eller grey (grønn, gul, rød, grå).");
        RuleFor(x => x.Text).MaximumLength(4000).WithMessage("Teksten kan være høyst 4000 tegn.");
    }
}

public sealed class SetStatusHandler(PortfolioDbContext db, AuditTrail audit) : ICommandHandler<SetStatus, StatusEntry>
{
    public async ValueTask<StatusEntry> Handle(SetStatus command, CancellationToken cancellationToken)
    {
        var item = await ItemLookup.FindAsync(db, command.Item, cancellationToken);
        // An indicator's status follows from its value against its target; a hand-set colour would contradict it.
        if (item is Indicator)
            throw new InputException("status", "felt item", $"{item.Code} er en indikator; statusen følger av verdi mot mål og settes ikke for hånd.");

        var update = new StatusUpdate
        {
            ItemId = item.Id,
            Quarter = Domain.Quarter.Parse(command.Quarter),
            Rag = RagStatuses.Parse(command.Rag),
            Narrative = string.IsNullOrWhiteSpace(command.Text) ? null : command.Text.Trim(),
            Author = audit.User.Name,
            RecordedAt = audit.Now,
        };
        var sameQuarter = db.StatusUpdates.Where(u => u.ItemId == item.Id && u.Quarter == update.Quarter);
        var latest = await sameQuarter.OrderByDescending(u => u.RecordedAt).Select(u => new { u.RecordedAt, u.Rag }).FirstOrDefaultAsync(cancellationToken);
        VersionCheck.ExpectLatest(latest?.RecordedAt, command.SeenLatest);
        db.StatusUpdates.Add(update);
        audit.Record(item.Code, null, $"status {update.Quarter}", latest?.Rag.ToDisplayString(),
            update.Narrative is null ? update.Rag.ToDisplayString() : $"{update.Rag.ToDisplayString()}: {update.Narrative}");
        await db.SaveChangesAsync(cancellationToken);
        return update.ToEntry(item.Code);
    }
}

internal static class StatusProjections
{
    public static StatusEntry ToEntry(this StatusUpdate u, string code) =>
        new(code, u.Quarter.ToString(), u.Rag.ToCode(), u.Rag.ToDisplayString(), u.Narrative, u.Author, u.RecordedAt);
}
