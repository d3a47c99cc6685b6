using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Shared;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>Every roadmap item a case touched, strongest first, with state, evidence and who decided.</summary>
public sealed record GetCaseLinks(string Case, bool IncludeRejected = true) : IQuery<IReadOnlyList<CaseItemLink>>;

public sealed record CaseItemLink(
    string Item, string Kind, string Name, LinkState State, string Origin, double Score, IReadOnlyList<EvidenceDto> Evidence,
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
        return await CaseLinkList.LoadAsync(db, caseId, query.IncludeRejected, cancellationToken);
    }
}
