using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>Full-text search over every case's title and text; each word also finds its inflected forms (prefix).</summary>
public sealed record SearchCases(string Text, int Limit = 50) : IQuery<IReadOnlyList<SearchResult>>;

public sealed record SearchResult(string Case, string Title, DateOnly? MeetingDate, string? Type, string Snippet);

public sealed class SearchCasesValidator : AbstractValidator<SearchCases>
{
    public SearchCasesValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Skriv hva du leter etter.").MaximumLength(500);
        RuleFor(x => x.Limit).InclusiveBetween(1, 500);
    }
}

public sealed class SearchCasesHandler(PortfolioDbContext db, CaseSearchIndex index) : IQueryHandler<SearchCases, IReadOnlyList<SearchResult>>
{
    public async ValueTask<IReadOnlyList<SearchResult>> Handle(SearchCases query, CancellationToken cancellationToken)
    {
        var hits = await index.SearchAsync(query.Text, query.Limit, cancellationToken);
        var ids = hits.Select(h => h.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Body!.Code, c.Number, c.Title, c.MeetingDate, c.Type })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. hits.Where(h => cases.ContainsKey(h.CaseId)).Select(h =>
        {
            var c = cases[h.CaseId];
            return new SearchResult($"{Bodies.ShortName(c.Code)} {c.Number}", c.Title, c.MeetingDate, c.Type, h.Snippet);
        })];
    }
}
