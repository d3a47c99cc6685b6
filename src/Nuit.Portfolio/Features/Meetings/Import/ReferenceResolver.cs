using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Meetings.Import;

/// <summary>Shared by the document import and meeting planning, which both store cover notes' earlier treatments.</summary>
internal static class ReferenceResolver
{
    /// <summary>Earlier treatments point at cases that may be imported later: connect any that are now known.</summary>
    public static async Task ResolveAsync(PortfolioDbContext db, CancellationToken ct)
    {
        var open = await db.CaseReferences.Where(r => r.ReferencedCaseId == null).ToListAsync(ct);
        if (open.Count == 0) return;
        // One query for every case an open reference could name, not one per reference.
        var numbers = open.Select(r => r.ReferencedNumber).Distinct().ToList();
        var known = await db.Cases.Where(c => numbers.Contains(c.Number))
            .Select(c => new { c.Body!.Code, c.Number, c.Id }).ToListAsync(ct);
        var ids = known.ToDictionary(c => (c.Code, c.Number), c => c.Id);
        foreach (var r in open)
            if (ids.TryGetValue((r.ReferencedBody, r.ReferencedNumber), out var id)) r.ReferencedCaseId = id;
        await db.SaveChangesAsync(ct);
    }
}
