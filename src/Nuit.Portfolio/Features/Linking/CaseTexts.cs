using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>
/// Everything a case says, as headed sections: title, proposed decision, decision, each input and action
/// point, and the stored texts (agenda, cover note, minutes). The matcher and the search index read the same.
/// </summary>
internal static class CaseTexts
{
    public static async Task<Dictionary<int, CaseText>> LoadAsync(PortfolioDbContext db, IReadOnlyCollection<int> caseIds, CancellationToken ct)
    {
        var result = new Dictionary<int, CaseText>();
        // Chunked so a refresh of every case never builds one enormous IN list.
        foreach (var chunk in caseIds.Chunk(500))
        {
            var cases = await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new
                {
                    c.Id, c.Title, c.ProposedDecision, c.Decision,
                    Inputs = c.Inputs.OrderBy(i => i.Order).Select(i => i.Text).ToList(),
                    Actions = c.ActionPoints.OrderBy(a => a.Order).Select(a => a.Text).ToList(),
                    Attachments = c.Attachments.OrderBy(a => a.Number).Select(a => a.Title).ToList(),
                    Sections = c.Sections.OrderBy(s => s.Id).Select(s => new { s.Kind, s.Text }).ToList(),
                })
                .ToListAsync(ct);
            foreach (var c in cases)
            {
                var sections = new List<CaseTextSection> { new("Tittel", c.Title) };
                if (c.ProposedDecision is not null) sections.Add(new("Forslag til vedtak", c.ProposedDecision));
                if (c.Decision is not null) sections.Add(new("Vedtak", c.Decision));
                sections.AddRange(c.Inputs.Select(t => new CaseTextSection("Innspill", t)));
                sections.AddRange(c.Actions.Select(t => new CaseTextSection("Aksjonspunkt", t)));
                sections.AddRange(c.Attachments.Select(t => new CaseTextSection("Vedlegg", t)));
                sections.AddRange(c.Sections.Select(s => new CaseTextSection(s.Kind, s.Text)));
                result[c.Id] = new CaseText(sections);
            }
        }
        return result;
    }
}
