using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Shared;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>
/// Every case that touched an item, newest first, one page of <see cref="PageSize"/> at a time: where the item page's
/// «Vis alle» leads, so the cases its short lists leave out stay reachable (issue 18). <see cref="Only"/> narrows it to
/// what a section of the item page lists: <c>vedtak</c> (cases with a decision) or <c>siden</c> (cases since the last
/// meeting); both leave rejected links out, as those sections do.
/// </summary>
public sealed record ListItemCases(string Item, int Page = 1, string? Only = null, DateOnly? Today = null) : IQuery<ItemCasePage>
{
    public const int PageSize = 100;
}

/// <param name="Page">The page shown: a page past the end shows the last one.</param>
public sealed record ItemCasePage(string Item, string Name, RoadmapItemKind Kind, string? Only, int Total, int Page, int Pages, IReadOnlyList<ItemCaseRow> Rows);

public sealed record ItemCaseRow(string Case, string Title, DateOnly? MeetingDate, string? Type, string? Decision, LinkState State);

public sealed class ListItemCasesValidator : AbstractValidator<ListItemCases>
{
    public ListItemCasesValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("Sidetallet må være 1 eller mer.");
        RuleFor(x => x.Only).Must(o => o is null or "vedtak" or "siden").WithMessage("Utvalget må være «vedtak» eller «siden».");
    }
}

public sealed class ListItemCasesHandler(PortfolioDbContext db, TimeProvider clock) : IQueryHandler<ListItemCases, ItemCasePage>
{
    public async ValueTask<ItemCasePage> Handle(ListItemCases query, CancellationToken cancellationToken)
    {
        var item = await ItemLookup.FindAsync(db, query.Item, cancellationToken);
        var links = db.CaseLinks.AsNoTracking().Where(l => l.ItemId == item.Id);
        if (query.Only is "vedtak") links = links.Where(l => l.State != LinkState.Rejected && l.Case!.Decision != null);
        if (query.Only is "siden")
        {
            var last = await ChangesSinceLastMeetingHandler.LastMeetingAsync(db, query.Today ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime), cancellationToken);
            var since = last?.Date ?? DateOnly.MinValue;
            links = links.Where(l => l.State != LinkState.Rejected && l.MeetingDate > since);
        }

        var total = await links.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + ListItemCases.PageSize - 1) / ListItemCases.PageSize);
        var page = Math.Min(query.Page, pages);
        // The order of the item page's case list (the index's), so page 1 begins with the rows the item page shows.
        var rows = await links.OrderByDescending(l => l.MeetingDate).ThenBy(l => l.CaseId)
            .Skip((page - 1) * ListItemCases.PageSize).Take(ListItemCases.PageSize)
            .Select(l => new { l.Case!.Body!.Code, l.Case.Number, l.Case.Title, l.MeetingDate, l.Case.Type, l.Case.Decision, l.State })
            .ToListAsync(cancellationToken);
        return new ItemCasePage(item.Code, item.Name, item.Kind, query.Only, total, page, pages,
            [.. rows.Select(r => new ItemCaseRow($"{Bodies.ShortName(r.Code)} {r.Number}", r.Title, r.MeetingDate, r.Type, r.Decision, r.State))]);
    }
}
