using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Shared;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>
/// The review queue: the matcher's suggestions nobody has confirmed or rejected yet, newest meeting first, optionally
/// for one item. <see cref="LinkQueue.Total"/> counts them all; <see cref="LinkQueue.Links"/> holds the first <see cref="Limit"/>.
/// </summary>
public sealed record LinksToReview(string? Item = null, int Limit = 50) : IQuery<LinkQueue>;

public sealed record LinkQueue(int Total, IReadOnlyList<LinkToReview> Links);

public sealed record LinkToReview(
    string Case, string Title, DateOnly? MeetingDate, string? Type, RoadmapItemKind ItemKind, string Item, string ItemName,
    IReadOnlyList<EvidenceDto> Evidence, Guid Version);

/// <summary>How many suggestions wait for a person: the number in the editors' menu.</summary>
public sealed record CountLinksToReview : IQuery<int>;

public sealed class LinksToReviewHandler(PortfolioDbContext db) : IQueryHandler<LinksToReview, LinkQueue>
{
    public async ValueTask<LinkQueue> Handle(LinksToReview query, CancellationToken cancellationToken)
    {
        var links = db.CaseLinks.AsNoTracking().Where(l => l.State == LinkState.Suggested);
        if (!string.IsNullOrWhiteSpace(query.Item))
        {
            var item = await ItemLookup.FindAsync(db, query.Item, cancellationToken);
            links = links.Where(l => l.ItemId == item.Id);
        }
        var total = await links.CountAsync(cancellationToken);
        var rows = await links
            .OrderByDescending(l => l.MeetingDate).ThenBy(l => l.CaseId).ThenBy(l => l.ItemId)
            .Take(Math.Clamp(query.Limit, 1, 500))
            .Select(l => new
            {
                l.Case!.Body!.Code, l.Case.Number, l.Case.Title, l.MeetingDate, l.Case.Type,
                l.Item!.Kind, Item = l.Item.Code, ItemName = l.Item.Name, l.Evidence, l.Version,
            })
            .ToListAsync(cancellationToken);
        return new LinkQueue(total, [.. rows.Select(r => new LinkToReview(
            $"{Bodies.ShortName(r.Code)} {r.Number}", r.Title, r.MeetingDate, r.Type, r.Kind, r.Item, r.ItemName,
            [.. r.Evidence.Select(e => new EvidenceDto(e.Section, e.Text, e.Matched))], r.Version))]);
    }
}

/// <remarks>Runs on every page an editor opens (the menu's count): it counts on the index on State.</remarks>
public sealed class CountLinksToReviewHandler(PortfolioDbContext db) : IQueryHandler<CountLinksToReview, int>
{
    public async ValueTask<int> Handle(CountLinksToReview query, CancellationToken cancellationToken) =>
        await db.CaseLinks.CountAsync(l => l.State == LinkState.Suggested, cancellationToken);
}
