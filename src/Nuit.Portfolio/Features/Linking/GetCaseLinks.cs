using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>Every roadmap item a case touched, strongest first, with state, evidence and who decided.</summary>
public sealed record GetCaseLinks(string Case, bool IncludeRejected = true) : IQuery<IReadOnlyList<CaseItemLink>>;

public sealed record CaseItemLink(
    string Item, string Kind, string Name, string State, string Origin, double Score, IReadOnlyList<EvidenceDto> Evidence,
    string? DecidedBy, DateTimeOffset? DecidedAt, Guid Version);

public sealed class GetCaseLinksValidator : AbstractValidator<GetCaseLinks>
{
    public GetCaseLinksValidator() =>
        RuleFor(x => x.Case).MustBeACase();
}

public sealed class GetCaseLinksHandler(PortfolioDbContext db) : IQueryHandler<GetCaseLinks, IReadOnlyList<CaseItemLink>>
{
    public async ValueTask<IReadOnlyList<CaseItemLink>> Handle(GetCaseLinks query, CancellationToken cancellationToken)
    {
        var caseId = await CaseLookup.IdAsync(db, query.Case, cancellationToken);
        var links = await db.CaseLinks.AsNoTracking().Include(l => l.Item)
            .Where(l => l.CaseId == caseId && (query.IncludeRejected || l.State != LinkState.Rejected))
            .ToListAsync(cancellationToken);
        return [.. links
            .OrderBy(l => l.State == LinkState.Rejected).ThenByDescending(l => l.Score).ThenBy(l => l.Item!.Code, StringComparer.Ordinal)
            .Select(l => new CaseItemLink(
                l.Item!.Code, l.Item.Kind.ToString().ToLowerInvariant(), l.Item.Name, l.State.ToCode(),
                l.Origin == LinkOrigin.Manual ? "manual" : "matcher", l.Score,
                [.. l.Evidence.Select(e => new EvidenceDto(e.Section, e.Text))], l.DecidedBy, l.DecidedAt, l.Version))];
    }
}

internal static class CaseLookup
{
    public static async Task<int> IdAsync(PortfolioDbContext db, string caseText, CancellationToken ct)
    {
        var key = CaseKey.Parse(caseText);
        var number = key.Number.ToString();
        return await db.Cases.Where(c => c.Body!.Code == key.Body && c.Number == number).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Finner ikke saken {key}.");
    }
}
