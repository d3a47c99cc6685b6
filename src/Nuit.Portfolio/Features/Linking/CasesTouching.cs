using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Shared;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>
/// "Which cases touched SFM?": every case linked to the item, newest meeting first, with decision, evidence
/// and state. By default suggested and confirmed links; rejected ones only when asked for.
/// </summary>
public sealed record CasesTouching(string Item, string? States = null, string? From = null, string? To = null, int Limit = CasesTouching.DefaultLimit)
    : IQuery<IReadOnlyList<TouchingCase>>
{
    /// <summary>Covers every case a body has treated in more than a decade (NUIT has about 40 a year); a page can ask for fewer.</summary>
    public const int DefaultLimit = 500;
}

public sealed record TouchingCase(
    string Case, string Title, DateOnly? MeetingDate, string? Type, string? Decision, LinkState State, double Score,
    IReadOnlyList<EvidenceDto> Evidence, Guid Version);

public sealed class CasesTouchingValidator : AbstractValidator<CasesTouching>
{
    public CasesTouchingValidator()
    {
        RuleFor(x => x.Item).NotEmpty().WithMessage("Oppgi koden til et mål, delmål, tiltak eller en indikator.");
        RuleFor(x => x.States).Must(s => LinkStates.TryParseList(s, out _))
            .WithMessage(x => $"Ukjent tilstand i «{x.States}». Bruk suggested, confirmed og/eller rejected.");
        RuleFor(x => x.From).Must(BeAPeriod).WithMessage(x => $"«{x.From}» er ikke en periode. Skriv 2024 eller 2024-Q1.");
        RuleFor(x => x.To).Must(BeAPeriod).WithMessage(x => $"«{x.To}» er ikke en periode. Skriv 2025 eller 2025-Q4.");
        RuleFor(x => x.Limit).InclusiveBetween(1, 10_000);
    }

    private static bool BeAPeriod(string? p) => p is null || Period.TryParse(p, out _);
}

public sealed class CasesTouchingHandler(PortfolioDbContext db) : IQueryHandler<CasesTouching, IReadOnlyList<TouchingCase>>
{
    public async ValueTask<IReadOnlyList<TouchingCase>> Handle(CasesTouching query, CancellationToken cancellationToken)
    {
        var item = await ItemLookup.FindAsync(db, query.Item, cancellationToken);
        LinkStates.TryParseList(query.States, out var states);
        if (states.Count == 0) states = [LinkState.Suggested, LinkState.Confirmed];

        var links = db.CaseLinks.AsNoTracking().Where(l => l.ItemId == item.Id && states.Contains(l.State));
        // A period filter covers whole periods: from 2024-Q1 means from 1 January 2024, to 2025 means to 31 December 2025.
        if (query.From is not null)
        {
            var p = Period.Parse(query.From);
            var first = p.Quarter?.FirstDay ?? new DateOnly(p.Year, 1, 1);
            links = links.Where(l => l.MeetingDate >= first);
        }
        if (query.To is not null)
        {
            var last = Period.Parse(query.To).LastDay;
            links = links.Where(l => l.MeetingDate <= last);
        }

        var rows = await links
            .OrderByDescending(l => l.MeetingDate).ThenBy(l => l.CaseId)
            .Take(query.Limit)
            .Select(l => new
            {
                l.Case!.Body!.Code, l.Case.Number, l.Case.Title, l.MeetingDate, l.Case.Type, l.Case.Decision, l.Case.ProposedDecision,
                l.State, l.Score, l.Evidence, l.Version,
            })
            .ToListAsync(cancellationToken);

        return [.. rows.Select(r => new TouchingCase(
            $"{Bodies.ShortName(r.Code)} {r.Number}", r.Title, r.MeetingDate, r.Type, r.Decision ?? r.ProposedDecision,
            r.State, r.Score, [.. r.Evidence.Select(e => new EvidenceDto(e.Section, e.Text, e.Matched))], r.Version))];
    }
}
