using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Shared;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Strategy;

namespace Nuit.Portfolio.Features.Status;

/// <summary>The status history of one item, newest quarter first, each with the change from the quarter before.</summary>
/// <param name="Revisions">
/// False: each quarter's revisions hold only the update of record, read through the index, so a page that shows one
/// row per quarter does not grow with every edit ever made (issue 23 item 6). The API and CLI keep every revision.
/// </param>
public sealed record GetStatusHistory(string Item, bool Revisions = true) : IQuery<StatusHistory>;

public sealed record StatusHistory(
    string Item, string Name, string Kind, IReadOnlyList<QuarterStatus> Quarters, IReadOnlyList<MilestoneDto> Milestones);

/// <param name="PreviousRag">Status of the calendar quarter before; grey when none was reported.</param>
/// <param name="Revisions">Every update recorded for the quarter, newest first (the first is the one that counts).</param>
public sealed record QuarterStatus(
    string Quarter, string QuarterText, string Rag, string RagText, string? Narrative, string Author, DateTimeOffset RecordedAt,
    string PreviousRag, string Change, string ChangeText, IReadOnlyList<StatusEntry> Revisions);

public sealed class GetStatusHistoryValidator : AbstractValidator<GetStatusHistory>
{
    public GetStatusHistoryValidator() =>
        RuleFor(x => x.Item).NotEmpty().WithMessage("Oppgi koden til et mål, delmål eller tiltak, f.eks. SFM.");
}

public sealed class GetStatusHistoryHandler(PortfolioDbContext db) : IQueryHandler<GetStatusHistory, StatusHistory>
{
    public async ValueTask<StatusHistory> Handle(GetStatusHistory query, CancellationToken cancellationToken)
    {
        var item = await ItemLookup.FindAsync(db, query.Item, cancellationToken);
        List<StatusUpdate> ofRecord;
        ILookup<Quarter, StatusUpdate> revisions;
        if (query.Revisions)
        {
            var updates = await db.StatusUpdates.AsNoTracking().Where(s => s.ItemId == item.Id).ToListAsync(cancellationToken);
            ofRecord = [.. StatusTimeline.LatestPerQuarter(updates).Values];
            revisions = updates.ToLookup(u => u.Quarter);
        }
        else
        {
            ofRecord = await LatestStatuses.PerQuarterAsync(db, item.Id, cancellationToken);
            revisions = ofRecord.ToLookup(u => u.Quarter);
        }
        var latest = ofRecord.ToDictionary(u => (u.ItemId, u.Quarter));

        var quarters = ofRecord.OrderByDescending(u => u.Quarter).Select(u =>
        {
            var previous = StatusTimeline.RagOf(latest, item.Id, u.Quarter.Previous());
            var change = StatusChanges.Between(previous, u.Rag);
            return new QuarterStatus(
                u.Quarter.ToString(), u.Quarter.ToDisplayString(), u.Rag.ToCode(), u.Rag.ToDisplayString(), u.Narrative, u.Author, u.RecordedAt,
                previous.ToCode(), change.ToCode(), change.ToDisplayString(),
                [.. revisions[u.Quarter].OrderByDescending(x => x.RecordedAt).ThenByDescending(x => x.Id).Select(x => x.ToEntry(item.Code))]);
        }).ToList();

        var milestones = item is Initiative
            ? await db.Milestones.AsNoTracking().Where(m => m.InitiativeId == item.Id).ToListAsync(cancellationToken)
            : [];
        return new StatusHistory(item.Code, item.Name, item.Kind.ToString().ToLowerInvariant(), quarters,
            [.. milestones.OrderBy(m => m.PlannedDate ?? m.ForecastDate ?? DateOnly.MaxValue)
                .Select(m => new MilestoneDto(m.Name, m.PlannedDate, m.ForecastDate, m.ActualDate, m.IsSlipped, m.Source))]);
    }
}
