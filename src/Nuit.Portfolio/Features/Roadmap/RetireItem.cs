using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>
/// Retires a goal, sub-goal, initiative or indicator: it leaves the roadmap but keeps its code, links,
/// statuses and history. Items are never deleted once referenced. Refused while something still depends
/// on the item: open case links (suggested or confirmed), a status for the current quarter or later, or
/// active items under it. The reason names what to deal with first.
/// </summary>
public sealed record RetireItem(string Code, RoadmapItemKind? Kind = null, string? Reason = null, Guid? ExpectedVersion = null) : ICommand<RoadmapEditResult>;

public sealed class RetireItemValidator : AbstractValidator<RetireItem>
{
    public RetireItemValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Oppgi koden.").MaximumLength(RoadmapCodes.MaxLength);
        RuleFor(x => x.Reason).MaximumLength(300);
    }
}

public sealed class RetireItemHandler(PortfolioDbContext db, CaseLinker linker, AuditTrail audit) : ICommandHandler<RetireItem, RoadmapEditResult>
{
    private const int Shown = 5;

    public async ValueTask<RoadmapEditResult> Handle(RetireItem command, CancellationToken cancellationToken)
    {
        var item = await RoadmapEdits.FindAsync<RoadmapItem>(db, command.Code, cancellationToken);
        if (command.Kind is { } kind && item.Kind != kind)
            throw new NotFoundException($"«{command.Code}» er {RoadmapEdits.KindName(item.Kind)} {item.Code}, ikke {RoadmapEdits.KindName(kind)}.");
        if (item.RetiredAt is not null)
            throw new InputException("forespørselen", "felt code", $"{item.Code} ble avviklet {RoadmapEdits.IsoDate(DateOnly.FromDateTime(item.RetiredAt.Value.UtcDateTime))}.");

        var problems = new List<string>();
        var links = await db.Cases.AsNoTracking().Include(c => c.Body)
            .Where(c => db.CaseLinks.Any(l => l.CaseId == c.Id && l.ItemId == item.Id && l.State != LinkState.Rejected))
            .ToListAsync(cancellationToken);
        if (links.Count > 0)
            problems.Add($"{links.Count} åpne koblinger til saker ({List(links.OrderByDescending(c => c.MeetingDate).Select(c => IndicatorPeriods.CaseName(c)!))}); " +
                         "avvis forslagene eller flytt koblingene til et annet element først");

        var now = audit.Now;
        var current = Quarter.FromDate(DateOnly.FromDateTime(now.UtcDateTime));
        var statuses = await db.StatusUpdates.AsNoTracking().Where(s => s.ItemId == item.Id).Select(s => s.Quarter).ToListAsync(cancellationToken);
        if (statuses.Where(q => q >= current).OrderDescending().FirstOrDefault() is { Year: > 0 } q)
            problems.Add($"det er rapportert status for {q.ToDisplayString()}, som gjelder nå; vent til kvartalet er over");

        var dependants = item switch
        {
            Goal => await db.RoadmapItems.AsNoTracking().Where(i => i.GoalId == item.Id && i.RetiredAt == null).Select(i => i.Code).ToListAsync(cancellationToken),
            SubGoal => await db.Initiatives.AsNoTracking().Where(i => i.RetiredAt == null && i.SubGoals.Any(s => s.Id == item.Id)).Select(i => i.Code).ToListAsync(cancellationToken),
            _ => [],
        };
        if (dependants.Count > 0)
            problems.Add($"{dependants.Count} aktive elementer hører til {item.Code} ({List(dependants.Order(StringComparer.Ordinal))}); avvikle eller flytt dem først");

        if (problems.Count > 0)
            throw new InputException("forespørselen", "felt code", $"{item.Code} kan ikke avvikles: {string.Join("; ", problems)}.");

        item.RetiredAt = now;
        var changes = new List<ItemChange> { new(item.Code, "avviklet", null, command.Reason is { Length: > 0 } r ? $"{RoadmapEdits.IsoDate(DateOnly.FromDateTime(now.UtcDateTime))}: {r.Trim()}" : RoadmapEdits.IsoDate(DateOnly.FromDateTime(now.UtcDateTime))) };
        // The item's names leave the matcher, so no new suggestions point at it.
        return await RoadmapEdits.SaveAsync(db, linker, item, command.ExpectedVersion, changes, audit, true, cancellationToken);
    }

    private static string List(IEnumerable<string> codes)
    {
        var all = codes.Distinct().ToList();
        return string.Join(", ", all.Take(Shown)) + (all.Count > Shown ? $" og {all.Count - Shown} til" : "");
    }
}
