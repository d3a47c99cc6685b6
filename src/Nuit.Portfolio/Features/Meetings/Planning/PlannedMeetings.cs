using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Meetings.Import;
using Nuit.Portfolio.Features.Meetings.Parsing;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.Files.Documents;

namespace Nuit.Portfolio.Features.Meetings.Planning;

/// <summary>A meeting named as "NUIT 3/2025" (the body may be left out: NUIT) or "3/2025".</summary>
public readonly partial record struct MeetingKey(BodyCode Body, string Number)
{
    public static bool TryParse(string? text, out MeetingKey key)
    {
        key = default;
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success) return false;
        var body = BodyCode.Nuit;
        if (m.Groups["body"].Success && !Bodies.TryParse(m.Groups["body"].Value.TrimEnd(','), out body)) return false;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 100) year += 2000;
        key = new MeetingKey(body, $"{int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)}/{year}");
        return year is >= 2000 and <= 2999;
    }

    public static MeetingKey Parse(string? text) => TryParse(text, out var key) ? key
        : throw new InputException("møte", "felt meeting", $"«{text}» er ikke et møte. Skriv det som «NUIT 3/2025». Ingenting er lagret.");

    public override string ToString() => $"{Bodies.ShortName(Body)} {Number}";

    [GeneratedRegex(@"^(?:(?<body>\S.*?)\s+)?(?<n>\d{1,2})[/-](?<year>\d{2}|\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>
/// What planning a meeting shares between its use cases: finding the meeting, the pack as stored, the register's draft
/// of a cover note, and storing a draft the way the Word import would read it back (so importing the pack changes nothing).
/// </summary>
internal static class PlannedMeetings
{
    public static readonly string[] CaseTypes = ["Godkjenning", "Orientering", "Drøfting"];
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static async Task<Meeting> LoadAsync(PortfolioDbContext db, MeetingKey key, CancellationToken ct, bool tracked = true)
    {
        var query = db.Meetings.Include(m => m.Body)
            .Include(m => m.Cases).ThenInclude(c => c.Sections)
            .Include(m => m.Cases).ThenInclude(c => c.References)
            .Include(m => m.Cases).ThenInclude(c => c.Links).ThenInclude(l => l.Item)
            .AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking())
            .FirstOrDefaultAsync(m => m.Body!.Code == key.Body && m.Number == key.Number, ct)
            ?? throw new NotFoundException($"Finner ikke møte {key}. Planlegg det først: nuit meetings plan \"{key}\" --date ÅÅÅÅ-MM-DD.", "meeting");
    }

    public static async Task<Case> PlannedCaseAsync(PortfolioDbContext db, MeetingKey key, string number, CancellationToken ct)
    {
        var meeting = await LoadAsync(db, key, ct);
        return meeting.Cases.FirstOrDefault(c => c.Number == number.Trim())
            ?? throw new NotFoundException($"Møte {key} har ingen sak {number}.", "case");
    }

    /// <summary>The pack as stored: cases in agenda order, the cover notes' sections and earlier treatments.</summary>
    public static MeetingPack ToPack(Meeting m) => new(
        Bodies.ShortName(m.Body!.Code), m.Number, m.Date, m.StartTime, m.EndTime, m.Place, m.IsPlanned,
        [.. Ordered(m.Cases).Select(c => new PackCase(
            c.Number, c.Title, c.Type, c.TimeSlot, c.Owner, Items(c), c.ProposedDecision,
            [.. CoverNoteHeadings.All.Where(h => h != CoverNoteHeadings.PreviousDecisions)
                .Select(h => new PackSection(h, string.Join("\n", c.Sections.Where(s => s.Kind == h).OrderBy(s => s.FirstLine ?? 0).Select(s => s.Text))))],
            [.. c.References.Where(r => r.Kind == ReferenceKind.Table).OrderBy(r => r.Id).Select(Reference)]))]);

    public static IEnumerable<Case> Ordered(IEnumerable<Case> cases) =>
        cases.OrderBy(c => c.AgendaOrder ?? int.MaxValue).ThenBy(c => c.Year).ThenBy(c => c.Sequence);

    /// <summary>The items a case is about: confirmed links (a planned case's items are confirmed when it is added).</summary>
    public static List<string> Items(Case c) =>
        [.. c.Links.Where(l => l.State == LinkState.Confirmed).Select(l => l.Item!.Code).Order(StringComparer.Ordinal)];

    /// <summary>A stored reference split back into its lead (body, number, date, title) and the decision it quotes.</summary>
    private static PackReference Reference(CaseReference r)
    {
        var raw = r.RawText;
        if (r.DecisionText is { Length: > 0 } d && raw.EndsWith(d, StringComparison.Ordinal) && raw.Length > d.Length)
            return new PackReference(raw[..^d.Length].TrimEnd(), d);
        return new PackReference(raw, null);
    }

    /// <summary>The next free case number of the body in the meeting's year ("22/25" after "21/25"), counting cases not yet saved.</summary>
    public static async Task<CaseNumber> NextNumberAsync(PortfolioDbContext db, int bodyId, Meeting meeting, CancellationToken ct)
    {
        var year = meeting.Date.Year;
        var stored = bodyId == 0 ? 0 : await db.Cases.Where(c => c.BodyId == bodyId && c.Year == year).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
        var pending = meeting.Cases.Where(c => c.Year == year).Select(c => c.Sequence).DefaultIfEmpty(0).Max();
        return new CaseNumber(Math.Max(stored, pending) + 1, year);
    }

    /// <summary>
    /// The register's part of a cover note for a case about <paramref name="items"/>: the items' latest status, indicator
    /// values and open action points under "Bakgrunn", and every earlier decision on them under "Vedtak fra tidligere
    /// behandlinger" (body, case, date, title, decision). The rest is the secretary's to write.
    /// </summary>
    public static async Task<(string Background, List<PackReference> Decisions)> RegisterDraftAsync(
        PortfolioDbContext db, TimeProvider clock, Meeting meeting, IReadOnlyList<RoadmapItem> items, CancellationToken ct)
    {
        var lines = new List<string>();
        var ids = items.Select(i => i.Id).ToList();
        foreach (var item in items)
        {
            var status = await LatestStatuses.OfItemAsync(db, item.Id, ct);
            lines.Add(status is null
                ? $"• {item.Code} {item.Name}: ingen status er registrert."
                : $"• {item.Code} {item.Name}: status {status.Quarter} {status.Rag.ToDisplayString()}{(string.IsNullOrWhiteSpace(status.Narrative) ? "." : $" – {OneLine(status.Narrative)}")}");

            var subGoals = await db.Initiatives.Where(i => i.Id == item.Id).SelectMany(i => i.SubGoals.Select(s => s.Id)).ToListAsync(ct);
            var indicators = await db.Indicators.AsNoTracking()
                .Where(i => i.Id == item.Id || i.SubGoals.Any(s => subGoals.Contains(s.Id)))
                .Select(i => new { i.Code, i.Name, i.Unit, Latest = i.Values.OrderByDescending(v => v.Period).FirstOrDefault() })
                .ToListAsync(ct);
            foreach (var ind in indicators.Where(i => i.Latest is not null).OrderBy(i => i.Code, StringComparer.Ordinal))
                lines.Add($"• Indikator {ind.Code} {ind.Name}: {ind.Latest!.Value.ToString("0.##", Norwegian)} {ind.Unit} ({ind.Latest.Period}).");

            var open = await new ListActionPointsHandler(db, clock).Handle(new ListActionPoints { OpenOnly = true, Item = item.Code }, ct);
            foreach (var a in open) lines.Add(ActionPointLine(a));
        }

        var decisions = (await DecisionsForItemHandler.LoadAsync(db, l => ids.Contains(l.ItemId) && l.Case!.MeetingId != meeting.Id, ct))
            .Select(d => d.Decision).DistinctBy(d => d.Case)
            .Select(d => new PackReference(
                $"{d.Case}{(d.MeetingDate is { } date ? $" ({date.ToString("d.M.yyyy", CultureInfo.InvariantCulture)})" : "")} {OneLine(d.Title)}",
                OneLine(d.Decision)))
            .ToList();
        return (string.Join("\n", lines.Distinct()), decisions);
    }

    /// <summary>"• Åpent aksjonspunkt fra NUIT 5/25 (13.2.2025), NHN, frist 1.6.2025 (forfalt): …".</summary>
    public static string ActionPointLine(ActionPointRow a)
    {
        var from = a.MeetingDate is { } d ? $"{a.Case} ({d.ToString("d.M.yyyy", CultureInfo.InvariantCulture)})" : a.Case;
        var owners = a.Owners.Count > 0 ? $", {string.Join(", ", a.Owners)}" : "";
        var due = a.Due is { } due1 ? $", frist {due1.ToString("d.M.yyyy", CultureInfo.InvariantCulture)}" : a.DueText is { Length: > 0 } t ? $", frist {t}" : "";
        return $"• {(a.Overdue ? "Forfalt" : "Åpent")} aksjonspunkt fra {from}{owners}{due}: {OneLine(a.Text)}";
    }

    private static string OneLine(string text) => TextJoiner.CollapseSpaces(text.Replace('\n', ' '));

    /// <summary>
    /// Stores the pack as the Word import would read it: the pack is written to .docx, read back with the import's own
    /// reader and parsers, and applied with the import's merge. So what is stored is the text the import finds in the
    /// file, and importing the exported pack (or this draft) later changes nothing.
    /// </summary>
    public static void StoreAsRead(Meeting meeting, MeetingPack pack)
    {
        var bytes = MeetingPackDocx.Write(pack);
        const string name = "møtepakke.docx";
        var parsed = MeetingDocumentParser.Parse(DocxTextReader.Read(bytes, name), name);
        var read = parsed.Meetings.FirstOrDefault(m => m.Number == meeting.Number)
            ?? throw new InvalidOperationException($"The pack of {meeting.Number} did not read back as that meeting.");
        if (read.Start is not null) meeting.StartTime = read.Start;
        if (read.End is not null) meeting.EndTime = read.End;
        if (!string.IsNullOrWhiteSpace(read.Place)) meeting.Place = read.Place;
        var byNumber = meeting.Cases.ToDictionary(c => c.Number);
        foreach (var pc in read.Cases)
            if (byNumber.TryGetValue(pc.Number.ToString(), out var entity)) CaseMerger.Apply(entity, pc, null);
    }

    /// <summary>Replaces one case in a pack (a new draft of it) and keeps the rest as stored.</summary>
    public static MeetingPack With(MeetingPack pack, PackCase replacement) =>
        pack with { Cases = [.. pack.Cases.Select(c => c.Number == replacement.Number ? replacement : c)] };

    public static string FormatDate(DateOnly date) => date.ToString("d. MMMM yyyy", Norwegian);
}
