using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Shared;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>
/// The chain of earlier treatments of a case across bodies: the case, the cases it refers back to, theirs in
/// turn, newest first. An earlier case that is not in the register ends its branch but is still listed.
/// </summary>
public sealed record GetTreatmentChain(string Case) : IQuery<IReadOnlyList<Treatment>>;

/// <summary><see cref="Depth"/> 0 is the case itself; <see cref="ReferredFrom"/> is the later case that names this one.</summary>
public sealed record Treatment(string Case, string? Title, DateOnly? Date, string? Decision, int Depth, string? ReferredFrom, bool InRegister);

public sealed class GetTreatmentChainValidator : AbstractValidator<GetTreatmentChain>
{
    public GetTreatmentChainValidator() =>
        RuleFor(x => x.Case).MustBeACase();
}

public sealed class GetTreatmentChainHandler(PortfolioDbContext db) : IQueryHandler<GetTreatmentChain, IReadOnlyList<Treatment>>
{
    private const int MaxDepth = 20;

    public async ValueTask<IReadOnlyList<Treatment>> Handle(GetTreatmentChain query, CancellationToken cancellationToken)
    {
        var startId = await CaseLookup.IdAsync(db, query.Case, cancellationToken);
        var result = new List<Treatment>();
        var seen = new HashSet<int>();
        var queue = new Queue<(int Id, int Depth, string? From)>([(startId, 0, null)]);

        // Breadth-first with a visited set: references can form cycles (a case and its follow-up citing each other).
        while (queue.TryDequeue(out var next))
        {
            if (!seen.Add(next.Id) || next.Depth > MaxDepth) continue;
            var c = await db.Cases.AsNoTracking().Where(x => x.Id == next.Id)
                .Select(x => new { x.Body!.Code, x.Number, x.Title, x.MeetingDate, x.Decision, x.ProposedDecision, References = x.References.ToList() })
                .SingleAsync(cancellationToken);
            var key = $"{Bodies.ShortName(c.Code)} {c.Number}";
            result.Add(new Treatment(key, c.Title, c.MeetingDate, c.Decision ?? c.ProposedDecision, next.Depth, next.From, true));
            foreach (var r in c.References.OrderByDescending(r => r.Date))
            {
                if (r.ReferencedCaseId is { } id) queue.Enqueue((id, next.Depth + 1, key));
                else result.Add(new Treatment($"{Bodies.ShortName(r.ReferencedBody)} {r.ReferencedNumber}", null, r.Date, r.DecisionText, next.Depth + 1, key, false));
            }
        }
        return result;
    }
}
