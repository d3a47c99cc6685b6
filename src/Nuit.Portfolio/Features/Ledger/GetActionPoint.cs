using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Access;

namespace Nuit.Portfolio.Features.Ledger;

/// <summary>One action point as the list shows it, with its history: every audit row of the action point, newest first.</summary>
public sealed record GetActionPoint(int Id) : IQuery<ActionPointDetail>;

public sealed record ActionPointDetail(ActionPointRow ActionPoint, IReadOnlyList<AuditEntry> History);

public sealed class GetActionPointHandler(PortfolioDbContext db, TimeProvider clock) : IQueryHandler<GetActionPoint, ActionPointDetail>
{
    public async ValueTask<ActionPointDetail> Handle(GetActionPoint query, CancellationToken cancellationToken)
    {
        var row = (await new ListActionPointsHandler(db, clock).Handle(new ListActionPoints { Id = query.Id }, cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException($"Finner ikke aksjonspunkt {query.Id}.");
        var history = await new GetAuditTrailHandler(db).Handle(new GetAuditTrail(Subject: Subject(row.Case, row.Id)), cancellationToken);
        return new ActionPointDetail(row, history);
    }

    /// <summary>The audit subject of an action point's rows: "NUIT 3/25 aksjonspunkt 7".</summary>
    public static string Subject(string caseKey, int id) => $"{caseKey} aksjonspunkt {id}";
}
