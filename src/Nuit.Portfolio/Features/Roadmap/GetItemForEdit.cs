using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>An item's editable fields as they are now, with the version the edit form sends back (conflict check).</summary>
public sealed record GetItemForEdit(string Code) : IQuery<ItemEditView>;

public sealed record ItemEditView(
    string Code, RoadmapItemKind Kind, string Name, string? Description, IReadOnlyList<string> Aliases, string? Goal, bool Retired, Guid Version,
    string? Owner, string? Phase, string? Status, IReadOnlyList<string> SubGoals,
    string? Unit, string? Direction, string? Source, decimal? AmberTolerance);

public sealed class GetItemForEditHandler(PortfolioDbContext db) : IQueryHandler<GetItemForEdit, ItemEditView>
{
    public async ValueTask<ItemEditView> Handle(GetItemForEdit query, CancellationToken cancellationToken)
    {
        var item = await RoadmapEdits.FindAsync<RoadmapItem>(db, query.Code, cancellationToken);
        var goal = item.GoalId is { } id ? await db.Goals.Where(g => g.Id == id).Select(g => g.Code).SingleAsync(cancellationToken) : null;
        var view = new ItemEditView(item.Code, item.Kind, item.Name, item.Description, item.Aliases, goal, item.RetiredAt is not null, item.Version,
            null, null, null, [], null, null, null, null);
        switch (item)
        {
            case Initiative n:
                await db.Entry(n).Collection(i => i.SubGoals).LoadAsync(cancellationToken);
                return view with
                {
                    Owner = n.Owner, Phase = n.Phase?.ToDisplayString(), Status = RoadmapEdits.StatusText(n.Status),
                    SubGoals = [.. n.SubGoals.Select(s => s.Code).Order(StringComparer.Ordinal)],
                };
            case Indicator d:
                return view with
                {
                    Unit = d.Unit, Direction = d.Direction == IndicatorDirection.HigherIsBetter ? "higher" : "lower", Source = d.Source, AmberTolerance = d.AmberTolerance,
                };
            default:
                return view;
        }
    }
}
