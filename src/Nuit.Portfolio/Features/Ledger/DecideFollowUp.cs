using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Shared;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Features.Ledger;

/// <summary>
/// Confirms or rejects that a later case follows up an action point; confirming a pair that was never suggested adds
/// it. Who decides comes from the current user. A rejected follow-up stays rejected: detection never suggests it again.
/// </summary>
public sealed record DecideFollowUp(int ActionPointId, string Case, bool Confirm) : ICommand<FollowUpRow>
{
    public Guid? ExpectedVersion { get; init; }
}

public sealed class DecideFollowUpValidator : AbstractValidator<DecideFollowUp>
{
    public DecideFollowUpValidator() => RuleFor(x => x.Case).MustBeACase();
}

public sealed class DecideFollowUpHandler(PortfolioDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<DecideFollowUp, FollowUpRow>
{
    public async ValueTask<FollowUpRow> Handle(DecideFollowUp command, CancellationToken cancellationToken)
    {
        var point = await db.ActionPoints.Where(a => a.Id == command.ActionPointId)
                .Select(a => new { a.Id, a.Case!.Body!.Code, a.Case.Number }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Finner ikke aksjonspunkt {command.ActionPointId}.");
        var key = CaseKey.Parse(command.Case);
        var caseId = await CaseLookup.IdAsync(db, command.Case, cancellationToken);

        var followUp = await db.FollowUps.FirstOrDefaultAsync(f => f.ActionPointId == point.Id && f.CaseId == caseId, cancellationToken);
        if (followUp is null)
        {
            if (!command.Confirm) throw new NotFoundException($"{key} er ikke foreslått som oppfølging av aksjonspunkt {point.Id}.");
            followUp = db.FollowUps.Add(new FollowUp
            {
                ActionPointId = point.Id, CaseId = caseId, Evidence = $"Lagt til av {audit.User.Name}", SuggestedAt = clock.GetUtcNow(),
            }).Entity;
        }
        else
        {
            db.ExpectVersion(followUp, command.ExpectedVersion);
        }

        var before = followUp.Id == 0 ? null : ListActionPointsHandler.StateName(followUp.State);
        followUp.State = command.Confirm ? LinkState.Confirmed : LinkState.Rejected;
        followUp.DecidedBy = audit.User.Name;
        followUp.DecidedAt = clock.GetUtcNow();
        followUp.Version = Guid.NewGuid();
        audit.Record(null, GetActionPointHandler.Subject($"{Bodies.ShortName(point.Code)} {point.Number}", point.Id), $"oppfølging {key}",
            before, ListActionPointsHandler.StateName(followUp.State));
        await db.SaveChangesAsync(cancellationToken);
        return new FollowUpRow(key.ToString(), ListActionPointsHandler.StateName(followUp.State), followUp.Evidence, followUp.Version);
    }
}
