using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Shared;

/// <summary>
/// Finds a case by its key ("NUIT 31/24"): the one rule for what a case key means, the body's code and the case
/// number as written (the unique index on body and number), for links, treatment chains and indicator targets alike.
/// </summary>
internal static class CaseLookup
{
    public static IQueryable<Case> Matching(PortfolioDbContext db, CaseKey key)
    {
        var number = key.Number.ToString();
        return db.Cases.Where(c => c.Body!.Code == key.Body && c.Number == number);
    }

    /// <summary>The case's id; an unknown case is not found (404 / exit code 3).</summary>
    public static async Task<int> IdAsync(PortfolioDbContext db, string caseText, CancellationToken ct)
    {
        var key = CaseKey.Parse(caseText);
        return await Matching(db, key).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Finner ikke saken {key}.");
    }
}
