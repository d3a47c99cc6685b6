using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Strategy;

/// <summary>What an item page shows besides its cases and status history (GetStatusHistory): identity, place in the roadmap, milestones, indicators.</summary>
public sealed record GetItemOverview(string Code, RoadmapItemKind? Kind = null) : IQuery<ItemOverview>;

public sealed record ItemOverview(
    string Code, RoadmapItemKind Kind, string Name, string? Description, IReadOnlyList<string> Aliases,
    string? Owner, string? Phase, string? Goal, string? GoalName, IReadOnlyList<ItemRef> SubGoals, IReadOnlyList<ItemRef> Children,
    IReadOnlyList<MilestoneDto> Milestones, IReadOnlyList<IndicatorSummary> Indicators, bool Retired);

public sealed record ItemRef(string Code, string Name, RoadmapItemKind Kind);

public sealed class GetItemOverviewValidator : AbstractValidator<GetItemOverview>
{
    public GetItemOverviewValidator() => RuleFor(x => x.Code).NotEmpty().MaximumLength(40);
}

public sealed class GetItemOverviewHandler(PortfolioDbContext db) : IQueryHandler<GetItemOverview, ItemOverview>
{
    public async ValueTask<ItemOverview> Handle(GetItemOverview query, CancellationToken cancellationToken)
    {
        var code = query.Code.Trim().ToUpperInvariant();
        var item = await db.RoadmapItems.AsNoTracking().Include(i => i.Goal).FirstOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (item is null || (query.Kind is { } kind && item.Kind != kind))
            throw new NotFoundException($"Finner ikke «{query.Code}».");

        IReadOnlyList<ItemRef> subGoals = [];
        IReadOnlyList<ItemRef> children = [];
        IReadOnlyList<MilestoneDto> milestones = [];
        string? owner = null, phase = null;
        switch (item)
        {
            case Initiative:
                var initiative = await db.Initiatives.AsNoTracking().Include(i => i.SubGoals).Include(i => i.Milestones)
                    .SingleAsync(i => i.Id == item.Id, cancellationToken);
                owner = initiative.Owner;
                phase = initiative.Phase?.ToDisplayString();
                subGoals = [.. initiative.SubGoals.OrderBy(s => s.Code).Select(s => new ItemRef(s.Code, s.Name, RoadmapItemKind.SubGoal))];
                milestones = [.. initiative.Milestones.OrderBy(m => m.PlannedDate ?? m.ForecastDate ?? DateOnly.MaxValue)
                    .Select(m => new MilestoneDto(m.Name, m.PlannedDate, m.ForecastDate, m.ActualDate, m.IsSlipped, m.Source))];
                break;
            case SubGoal:
                children = await db.Initiatives.AsNoTracking().Where(i => i.SubGoals.Any(s => s.Id == item.Id) && i.RetiredAt == null)
                    .OrderBy(i => i.SortOrder).Select(i => new ItemRef(i.Code, i.Name, RoadmapItemKind.Initiative)).ToListAsync(cancellationToken);
                break;
            case Goal:
                var rows = await db.RoadmapItems.AsNoTracking()
                    .Where(i => i.GoalId == item.Id && i.RetiredAt == null && (i is SubGoal || i is Initiative))
                    .ToListAsync(cancellationToken);
                children = [.. rows.OrderBy(r => r.Kind).ThenBy(r => r.SortOrder).Select(r => new ItemRef(r.Code, r.Name, r.Kind))];
                break;
        }

        var indicators = item is Goal
            ? await db.Indicators.AsNoTracking().Where(i => i.GoalId == item.Id && i.RetiredAt == null)
                .Include(i => i.Values).Include(i => i.Targets).Include(i => i.Goal).OrderBy(i => i.SortOrder).ToListAsync(cancellationToken)
            : [];

        return new ItemOverview(item.Code, item.Kind, item.Name, item.Description, item.Aliases, owner, phase,
            item.Goal?.Code, item.Goal?.Name, subGoals, children, milestones,
            [.. indicators.Select(i => i.ToSummary())], item.RetiredAt is not null);
    }
}
