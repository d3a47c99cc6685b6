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
    private sealed record Row(
        BodyCode Body, string Number, string Title, DateOnly? MeetingDate, string? Type, string? Decision, string? ProposedDecision,
        LinkState State, double Score, List<LinkEvidence> Evidence, Guid Version);

    /// <summary>
    /// One round trip for the usual question (issue 18): the item code is resolved inside the query, the plan is
    /// compiled once (one per model: <see cref="CompiledPerModel{TQuery}"/>), and only the columns shown are read. The
    /// states are three flags rather than a list so the SQL keeps the same shape, and the code's subquery runs once, so
    /// SQLite walks (ItemId, MeetingDate, CaseId) in order and stops at the limit.
    /// </summary>
    private static readonly CompiledPerModel<Func<PortfolioDbContext, string, bool, bool, bool, DateOnly?, DateOnly?, int, IAsyncEnumerable<Row>>> Query = new(() =>
        EF.CompileAsyncQuery((PortfolioDbContext db, string code, bool suggested, bool confirmed, bool rejected, DateOnly? from, DateOnly? to, int limit) =>
            db.CaseLinks.AsNoTracking()
                .Where(l => l.ItemId == db.RoadmapItems.Where(i => i.Code == code).Select(i => i.Id).FirstOrDefault())
                .Where(l => (suggested && l.State == LinkState.Suggested) || (confirmed && l.State == LinkState.Confirmed) || (rejected && l.State == LinkState.Rejected))
                .Where(l => (from == null || l.MeetingDate >= from) && (to == null || l.MeetingDate <= to))
                .OrderByDescending(l => l.MeetingDate).ThenBy(l => l.CaseId)
                .Take(limit)
                .Select(l => new Row(
                    l.Case!.Body!.Code, l.Case.Number, l.Case.Title, l.MeetingDate, l.Case.Type, l.Case.Decision, l.Case.ProposedDecision,
                    l.State, l.Score, l.Evidence, l.Version))));

    public async ValueTask<IReadOnlyList<TouchingCase>> Handle(CasesTouching query, CancellationToken cancellationToken)
    {
        LinkStates.TryParseList(query.States, out var states);
        if (states.Count == 0) states = [LinkState.Suggested, LinkState.Confirmed];
        // A period filter covers whole periods: from 2024-Q1 means from 1 January 2024, to 2025 means to 31 December 2025.
        DateOnly? from = null, to = null;
        if (query.From is not null)
        {
            var p = Period.Parse(query.From);
            from = p.Quarter?.FirstDay ?? new DateOnly(p.Year, 1, 1);
        }
        if (query.To is not null) to = Period.Parse(query.To).LastDay;

        var rows = await RunAsync(query.Item.Trim().ToUpperInvariant());
        if (rows.Count == 0)
        {
            // Nothing under that exact code: an alias, a typo (NotFound with the closest codes) or an item with no cases.
            var item = await ItemLookup.FindAsync(db, query.Item, cancellationToken);
            if (!string.Equals(item.Code, query.Item.Trim(), StringComparison.OrdinalIgnoreCase)) rows = await RunAsync(item.Code);
        }

        return [.. rows.Select(r => new TouchingCase(
            $"{Bodies.ShortName(r.Body)} {r.Number}", r.Title, r.MeetingDate, r.Type, r.Decision ?? r.ProposedDecision,
            r.State, r.Score, [.. r.Evidence.Select(e => new EvidenceDto(e.Section, e.Text, e.Matched))], r.Version))];

        async Task<List<Row>> RunAsync(string code)
        {
            var list = new List<Row>(Math.Min(query.Limit, 64));
            await foreach (var row in Query.For(db)(db, code, states.Contains(LinkState.Suggested), states.Contains(LinkState.Confirmed),
                               states.Contains(LinkState.Rejected), from, to, query.Limit).WithCancellation(cancellationToken))
                list.Add(row);
            return list;
        }
    }
}
