using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Reports;

/// <summary>
/// The newest quarter with something to report, no later than <see cref="LastEnded"/>: the quarter of the newest meeting
/// or reported status. Null when nothing is there yet. The reports page offers it instead of an empty quarter (issue 19).
/// </summary>
public sealed record LastQuarterWithData(Quarter LastEnded) : IQuery<Quarter?>;

public sealed class LastQuarterWithDataHandler(PortfolioDbContext db) : IQueryHandler<LastQuarterWithData, Quarter?>
{
    public async ValueTask<Quarter?> Handle(LastQuarterWithData query, CancellationToken cancellationToken)
    {
        var lastDay = query.LastEnded.LastDay;
        var meeting = await db.Meetings.Where(m => m.Date <= lastDay).MaxAsync(m => (DateOnly?)m.Date, cancellationToken);
        // Quarters are stored as text; a portfolio has a few dozen distinct ones, so they are compared here.
        var statuses = await db.StatusUpdates.Select(s => s.Quarter).Distinct().ToListAsync(cancellationToken);
        var candidates = statuses.Where(q => q <= query.LastEnded).ToList();
        if (meeting is { } date) candidates.Add(Quarter.FromDate(date));
        return candidates.Count == 0 ? null : candidates.Max();
    }
}
