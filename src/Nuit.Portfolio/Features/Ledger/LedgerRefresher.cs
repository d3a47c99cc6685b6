using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Meetings.Parsing;

namespace Nuit.Portfolio.Features.Ledger;

public sealed record LedgerRefresh(int Cases, int TextReferences, int ActionPointsRead, int FollowUpsSuggested);

/// <summary>
/// Brings the follow-up ledger up to date from the stored case texts, after an import and once for data imported
/// before the ledger existed: references in running text (kept as <see cref="ReferenceKind.Text"/>), each action
/// point's owners and due date (unless a person has set them), and suggested follow-ups. Suggestions are only ever
/// added: a confirmed or rejected one is people's decision and is never touched, so a rejected one is never revived.
/// </summary>
public sealed class LedgerRefresher(PortfolioDbContext db, TimeProvider clock)
{
    public async Task<LedgerRefresh> RefreshAsync(IReadOnlyCollection<int> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0) return new LedgerRefresh(0, 0, 0, 0);
        var meetingDates = (await db.Meetings.AsNoTracking().Select(m => new { m.Body!.Code, m.Date }).ToListAsync(ct))
            .GroupBy(m => m.Code).ToDictionary(g => g.Key, g => (IReadOnlyCollection<DateOnly>)g.Select(m => m.Date).Distinct().ToList());
        IReadOnlyCollection<DateOnly> DatesOf(BodyCode body) => meetingDates.GetValueOrDefault(body) ?? [];

        int references = 0, actionPoints = 0;
        var texts = await CaseTexts.LoadAsync(db, caseIds, ct);
        var joined = texts.ToDictionary(t => t.Key, t => string.Join("\n", t.Value.Sections.Select(s => s.Text)));
        foreach (var chunk in caseIds.Chunk(500))
        {
            var cases = await db.Cases.Where(c => chunk.Contains(c.Id))
                .Include(c => c.Body).Include(c => c.References).Include(c => c.ActionPoints).ThenInclude(a => a.Owners)
                .ToListAsync(ct);
            foreach (var c in cases)
            {
                references += await RefreshTextReferencesAsync(c, joined.GetValueOrDefault(c.Id) ?? "", ct);
                if (c.MeetingDate is not { } date) continue;
                foreach (var a in c.ActionPoints.Where(a => !a.EditedByPerson))
                {
                    ReadActionPoint(a, date, DatesOf(c.Body!.Code));
                    actionPoints++;
                }
            }
            await db.SaveChangesAsync(ct);
        }

        await ResolveDueDatesAsync(DatesOf, ct);
        var suggested = await SuggestFollowUpsAsync(caseIds, joined, DatesOf, ct);
        return new LedgerRefresh(caseIds.Count, references, actionPoints, suggested);
    }

    private async Task<int> RefreshTextReferencesAsync(Case c, string text, CancellationToken ct)
    {
        var self = c.Key(c.Body!.Code);
        var inTable = c.References.Where(r => r.Kind == ReferenceKind.Table).Select(r => (r.ReferencedBody, r.ReferencedNumber)).ToHashSet();
        var found = TextReferenceParser.Find(text, c.Year)
            .Where(r => r.Case != self && !inTable.Contains((r.Case.Body, r.Case.Number.ToString())))
            .ToList();
        var stored = c.References.Where(r => r.Kind == ReferenceKind.Text).ToList();
        if (stored.Select(r => (r.ReferencedBody, r.ReferencedNumber, r.RawText))
            .SequenceEqual(found.Select(r => (r.Case.Body, r.Case.Number.ToString(), r.Sentence))))
            return 0;

        foreach (var old in stored) c.References.Remove(old);
        foreach (var r in found)
        {
            var number = r.Case.Number.ToString();
            var target = await db.Cases.Where(x => x.Body!.Code == r.Case.Body && x.Number == number)
                .Select(x => new { x.Id, x.MeetingDate }).FirstOrDefaultAsync(ct);
            c.References.Add(new CaseReference
            {
                ReferencedBody = r.Case.Body,
                ReferencedNumber = number,
                ReferencedCaseId = target?.Id,
                Date = target?.MeetingDate,
                RawText = r.Sentence,
                Kind = ReferenceKind.Text,
            });
        }
        return found.Count;
    }

    /// <summary>Owners and due date as the text says; a change gives the row a new version, as a person's edit would.</summary>
    private static void ReadActionPoint(ActionPoint a, DateOnly meetingDate, IReadOnlyCollection<DateOnly> meetingDates)
    {
        var owners = ActionPointParser.ParseOwners(a.Text);
        var due = ActionPointParser.ParseDue(a.Text, meetingDate);
        var dueOn = ActionPointParser.Resolve(due, meetingDate, meetingDates);
        var dueText = due.Phrase.Length > 0 ? due.Phrase : null;
        var changed = false;
        if (!a.Owners.Select(o => o.Name).SequenceEqual(owners))
        {
            a.Owners.Clear();
            a.Owners.AddRange(owners.Select(o => new ActionPointOwner { Name = o }));
            changed = true;
        }
        if (a.DueKind != due.Kind || a.DueOn != dueOn || a.DueText != dueText)
        {
            (a.DueKind, a.DueOn, a.DueText) = (due.Kind, dueOn, dueText);
            changed = true;
        }
        if (changed) a.Version = Guid.NewGuid();
    }

    /// <summary>"Innen neste møte" becomes a date once that meeting is in the register, for action points of any case.</summary>
    private async Task ResolveDueDatesAsync(Func<BodyCode, IReadOnlyCollection<DateOnly>> datesOf, CancellationToken ct)
    {
        var waiting = await db.ActionPoints
            .Where(a => !a.EditedByPerson && ActionPointStatuses.Unfinished.Contains(a.Status)
                && (a.DueKind == ActionPointDue.NextMeeting && a.DueOn == null || a.DueKind == ActionPointDue.MeetingInMonth))
            .Include(a => a.Case!).ThenInclude(c => c.Body)
            .ToListAsync(ct);
        foreach (var a in waiting)
        {
            if (a.Case!.MeetingDate is not { } date) continue;
            var due = ActionPointParser.ParseDue(a.Text, date);
            var dueOn = ActionPointParser.Resolve(due, date, datesOf(a.Case.Body!.Code));
            if (dueOn == a.DueOn) continue;
            a.DueOn = dueOn;
            a.Version = Guid.NewGuid();
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<int> SuggestFollowUpsAsync(
        IReadOnlyCollection<int> caseIds, Dictionary<int, string> texts, Func<BodyCode, IReadOnlyCollection<DateOnly>> datesOf, CancellationToken ct)
    {
        // Later cases to read: the cases just refreshed, and the cases that already name them or come from the
        // meeting right after theirs (an action point imported after the case that follows it up).
        var later = caseIds.ToHashSet();
        foreach (var chunk in caseIds.Chunk(500))
        {
            later.UnionWith(await db.CaseReferences.Where(r => r.ReferencedCaseId != null && chunk.Contains(r.ReferencedCaseId.Value))
                .Select(r => r.CaseId).ToListAsync(ct));
            var withActions = await db.Cases.Where(c => chunk.Contains(c.Id) && c.ActionPoints.Any() && c.MeetingDate != null)
                .Select(c => new { c.BodyId, Date = c.MeetingDate!.Value }).Distinct().ToListAsync(ct);
            foreach (var w in withActions)
            {
                var next = await db.Meetings.Where(m => m.BodyId == w.BodyId && m.Date > w.Date).OrderBy(m => m.Date).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
                if (next is { } id) later.UnionWith(await db.Cases.Where(c => c.MeetingId == id).Select(c => c.Id).ToListAsync(ct));
            }
        }
        var missing = later.Where(id => !texts.ContainsKey(id)).ToList();
        foreach (var (id, text) in await CaseTexts.LoadAsync(db, missing, ct))
            texts[id] = string.Join("\n", text.Sections.Select(s => s.Text));

        var added = 0;
        var now = clock.GetUtcNow();
        foreach (var chunk in later.Chunk(500))
        {
            var cases = await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id) && c.MeetingDate != null)
                .Select(c => new { c.Id, c.Body!.Code, c.BodyId, c.Number, c.Year, c.Sequence, c.SubNumber, Date = c.MeetingDate!.Value })
                .ToListAsync(ct);
            foreach (var c in cases)
            {
                var hints = FollowUpDetector.FindHints(texts.GetValueOrDefault(c.Id) ?? "", c.Year);
                if (hints.Count == 0) continue;
                var numbers = hints.Where(h => h.Case is not null).Select(h => h.Case!.Value.Number.ToString()).Distinct().ToList();
                var earlierDates = datesOf(c.Code).Where(d => d < c.Date).ToList();
                var candidates = (await db.ActionPoints.AsNoTracking()
                        .Where(a => a.Case!.MeetingDate < c.Date
                            && (numbers.Contains(a.Case.Number) || (a.Case.BodyId == c.BodyId && earlierDates.Contains(a.Case.MeetingDate!.Value))))
                        .Select(a => new
                        {
                            a.Id, a.Case!.Body!.Code, a.Case.Sequence, a.Case.Year, a.Case.SubNumber, Date = a.Case.MeetingDate!.Value,
                            Owners = a.Owners.Select(o => o.Name).ToList(),
                        })
                        .ToListAsync(ct))
                    .Select(a => new FollowUpCandidate(a.Id, new CaseKey(a.Code, new CaseNumber(a.Sequence, a.Year, a.SubNumber)), a.Date) { Owners = a.Owners })
                    .ToList();
                if (candidates.Count == 0) continue;
                var self = new CaseKey(c.Code, new CaseNumber(c.Sequence, c.Year, c.SubNumber));
                var detected = FollowUpDetector.Match(hints, self, c.Date, datesOf(c.Code), candidates);
                if (detected.Count == 0) continue;
                var apIds = detected.Select(d => d.ActionPointId).ToList();
                var known = (await db.FollowUps.Where(f => f.CaseId == c.Id && apIds.Contains(f.ActionPointId)).Select(f => f.ActionPointId).ToListAsync(ct)).ToHashSet();
                foreach (var d in detected.Where(d => !known.Contains(d.ActionPointId)))
                {
                    db.FollowUps.Add(new FollowUp { ActionPointId = d.ActionPointId, CaseId = c.Id, Evidence = Clip(d.Evidence), SuggestedAt = now });
                    added++;
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return added;
    }

    private static string Clip(string s) => s.Length <= 1000 ? s : s[..999] + "…";
}
