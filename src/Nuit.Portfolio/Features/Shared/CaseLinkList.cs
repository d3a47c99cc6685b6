using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Features.Shared;

/// <summary>A case's links as people see them, strongest first: what <see cref="GetCaseLinks"/> answers and what a decision returns.</summary>
internal static class CaseLinkList
{
    public static async Task<IReadOnlyList<CaseItemLink>> LoadAsync(PortfolioDbContext db, int caseId, bool includeRejected, CancellationToken ct)
    {
        var links = await db.CaseLinks.AsNoTracking().Include(l => l.Item)
            .Where(l => l.CaseId == caseId && (includeRejected || l.State != LinkState.Rejected))
            .ToListAsync(ct);
        return [.. links
            .OrderBy(l => l.State == LinkState.Rejected).ThenByDescending(l => l.Score).ThenBy(l => l.Item!.Code, StringComparer.Ordinal)
            .Select(l => new CaseItemLink(
                l.Item!.Code, l.Item.Kind.ToString().ToLowerInvariant(), l.Item.Name, l.State,
                l.Origin == LinkOrigin.Manual ? "manual" : "matcher", l.Score,
                [.. l.Evidence.Select(e => new EvidenceDto(e.Section, e.Text, e.Matched))], l.DecidedBy, l.DecidedAt, l.Version))];
    }
}
