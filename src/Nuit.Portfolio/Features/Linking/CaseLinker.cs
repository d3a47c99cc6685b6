using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Linking;

public sealed record LinkRefresh(int Cases, int Added, int Updated, int Removed);

/// <summary>
/// Runs the matcher over cases and brings their suggested links up to date. Confirmed and rejected links
/// are people's decisions: a refresh never touches them, so a rejected link is never revived.
/// </summary>
public sealed class CaseLinker(PortfolioDbContext db, MatcherCache matchers, CaseSearchIndex search)
{
    /// <summary>Evidence kept per link; the score uses every hit.</summary>
    public const int EvidencePerLink = 5;

    public async Task<LinkRefresh> RefreshAsync(IReadOnlyCollection<int> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0) return new LinkRefresh(0, 0, 0, 0);
        var matcher = await matchers.GetAsync(db, caseIds.Count, ct);
        var itemIds = await db.RoadmapItems.Where(i => i.RetiredAt == null).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var texts = await CaseTexts.LoadAsync(db, caseIds, ct);
        int added = 0, updated = 0, removed = 0;

        foreach (var chunk in caseIds.Chunk(500))
        {
            var links = await db.CaseLinks.Where(l => chunk.Contains(l.CaseId)).ToListAsync(ct);
            var dates = await db.Cases.Where(c => chunk.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.MeetingDate, ct);
            foreach (var caseId in chunk)
            {
                if (!texts.TryGetValue(caseId, out var text)) continue;
                var existing = links.Where(l => l.CaseId == caseId).ToDictionary(l => l.ItemId);
                var suggested = new HashSet<int>();
                foreach (var s in matcher.Match(text))
                {
                    if (!itemIds.TryGetValue(s.Code, out var itemId)) continue;
                    suggested.Add(itemId);
                    var evidence = s.Evidence.Take(EvidencePerLink).Select(e => new LinkEvidence(e.Section, e.Snippet, e.Position, e.MatchedAlias)).ToList();
                    var score = Math.Round(s.Score, 4);
                    if (!existing.TryGetValue(itemId, out var link))
                    {
                        db.CaseLinks.Add(new CaseLink
                        {
                            CaseId = caseId, ItemId = itemId, MeetingDate = dates[caseId], State = LinkState.Suggested,
                            Origin = LinkOrigin.Matcher, Score = score, Evidence = evidence,
                        });
                        added++;
                    }
                    else if (link.State == LinkState.Suggested && (link.Score != score || !link.Evidence.SequenceEqual(evidence)))
                    {
                        link.Score = score;
                        link.Evidence = evidence;
                        updated++;
                    }
                }
                // A suggestion the matcher no longer makes (an alias was removed, the text corrected) goes away.
                foreach (var stale in existing.Values.Where(l => l.State == LinkState.Suggested && l.Origin == LinkOrigin.Matcher && !suggested.Contains(l.ItemId)))
                {
                    db.CaseLinks.Remove(stale);
                    removed++;
                }
                // Links carry the meeting date for the newest-first index (ADR 6): keep it in step.
                foreach (var l in existing.Values.Where(l => l.MeetingDate != dates[caseId])) l.MeetingDate = dates[caseId];
            }
        }
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(texts, ct);
        return new LinkRefresh(texts.Count, added, updated, removed);
    }
}
