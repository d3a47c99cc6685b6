using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Shared;

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
public sealed record DecideLink(string Case, string Item, LinkDecision Decision, string? Note = null, Guid? ExpectedVersion = null)
    : ICommand<CaseItemLink>;

public sealed class DecideLinkValidator : AbstractValidator<DecideLink>
{
    public DecideLinkValidator()
    {
        RuleFor(x => x.Case).MustBeACase();
        RuleFor(x => x.Item).NotEmpty().WithMessage("Oppgi koden til elementet saken gjelder.");
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

public sealed class DecideLinkHandler(PortfolioDbContext db, AuditTrail audit) : ICommandHandler<DecideLink, CaseItemLink>
{
    public async ValueTask<CaseItemLink> Handle(DecideLink command, CancellationToken cancellationToken)
    {
        var caseId = await CaseLookup.IdAsync(db, command.Case, cancellationToken);
        var item = await ItemLookup.FindAsync(db, command.Item, cancellationToken);
        var link = await db.CaseLinks.FirstOrDefaultAsync(l => l.CaseId == caseId && l.ItemId == item.Id, cancellationToken);

        var before = link?.State;
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
        else db.ExpectVersion(link, command.ExpectedVersion);

        link.State = command.Decision == LinkDecision.Reject ? LinkState.Rejected : LinkState.Confirmed;
        link.DecidedBy = audit.User.Name;
        link.DecidedAt = audit.Now;
        if (command.Note is { Length: > 0 } note) link.Evidence = [new LinkEvidence("Notat", note, 0), .. link.Evidence];
        audit.Record(item.Code, CaseKey.Parse(command.Case).ToString(), "kobling", StateText(before), StateText(link.State));
        if (command.Note is { Length: > 0 }) audit.Record(item.Code, CaseKey.Parse(command.Case).ToString(), "koblingsnotat", null, command.Note);
        await db.SaveChangesAsync(cancellationToken);

        var links = await CaseLinkList.LoadAsync(db, caseId, includeRejected: true, cancellationToken);
        return links.Single(l => l.Item == item.Code);
    }

    private static string? StateText(LinkState? state) => state switch
    {
        null => null,
        LinkState.Suggested => "foreslått",
        LinkState.Confirmed => "bekreftet",
        LinkState.Rejected => "avvist",
        _ => state.ToString(),
    };
}
