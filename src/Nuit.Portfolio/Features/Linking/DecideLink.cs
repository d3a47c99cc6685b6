using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Linking;

public enum LinkDecision
{
    Confirm,
    Reject,
    Add,
}

/// <summary>
/// A person confirms or rejects a suggested link, or adds one by hand (confirmed, with their note as evidence).
/// With <see cref="ExpectedVersion"/> a decision made on stale data fails as a conflict instead of overwriting.
/// </summary>
public sealed record DecideLink(string Case, string Item, LinkDecision Decision, string DecidedBy, string? Note = null, Guid? ExpectedVersion = null)
    : ICommand<CaseItemLink>;

public sealed class DecideLinkValidator : AbstractValidator<DecideLink>
{
    public DecideLinkValidator()
    {
        RuleFor(x => x.Case).MustBeACase();
        RuleFor(x => x.Item).NotEmpty().WithMessage("Oppgi koden til elementet saken gjelder.");
        RuleFor(x => x.DecidedBy).NotEmpty().WithMessage("Det må stå hvem som bestemmer.").MaximumLength(200);
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

public sealed class DecideLinkHandler(PortfolioDbContext db, TimeProvider clock, ISender sender) : ICommandHandler<DecideLink, CaseItemLink>
{
    public async ValueTask<CaseItemLink> Handle(DecideLink command, CancellationToken cancellationToken)
    {
        var caseId = await CaseLookup.IdAsync(db, command.Case, cancellationToken);
        var item = await ItemLookup.FindAsync(db, command.Item, cancellationToken);
        var link = await db.CaseLinks.FirstOrDefaultAsync(l => l.CaseId == caseId && l.ItemId == item.Id, cancellationToken);

        if (link is null)
        {
            if (command.Decision != LinkDecision.Add)
                throw new NotFoundException($"Saken {CaseKey.Parse(command.Case)} har ingen kobling til {item.Code}. Bruk «add» for å legge den til.");
            link = db.CaseLinks.Add(new CaseLink
            {
                CaseId = caseId,
                ItemId = item.Id,
                MeetingDate = await db.Cases.Where(c => c.Id == caseId).Select(c => c.MeetingDate).SingleAsync(cancellationToken),
                Origin = LinkOrigin.Manual,
                Score = 1,
            }).Entity;
        }
        else if (command.ExpectedVersion is { } expected && expected != link.Version)
        {
            // Tell EF which version the person saw; SaveChanges then fails if someone else changed it since.
            db.Entry(link).Property(l => l.Version).OriginalValue = expected;
        }

        link.State = command.Decision == LinkDecision.Reject ? LinkState.Rejected : LinkState.Confirmed;
        link.DecidedBy = command.DecidedBy;
        link.DecidedAt = clock.GetUtcNow();
        if (command.Note is { Length: > 0 } note) link.Evidence = [new LinkEvidence("Notat", note, 0), .. link.Evidence];
        await db.SaveChangesAsync(cancellationToken);

        var links = await sender.Send(new GetCaseLinks(command.Case), cancellationToken);
        return links.Single(l => l.Item == item.Code);
    }
}
