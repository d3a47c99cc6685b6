using System.Globalization;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// Parses the council's meeting documents from text: agendas (innkalling), minutes (referat) and
/// cover notes (toppnotat), in any number and order within one file. Pure: no I/O, no database.
/// Cover notes are merged into the case they belong to in an agenda of the same file.
/// </summary>
public static class MeetingDocumentParser
{
    /// <summary>Parses all documents in one text file. Throws <see cref="InputException"/> when no meeting is recognisable.</summary>
    /// <param name="hint">The number and date the user gives for a meeting whose head is damaged; fills only what is missing.</param>
    public static ParsedDocumentSet Parse(string text, string sourceName, MeetingHint? hint = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var warnings = new List<ParseWarning>();
        var lines = TextNormalizer.Normalize(text);
        var blocks = DocumentSplitter.Split(lines);

        var meetings = new List<MeetingBuilder>();
        var missing = new List<ParseWarning>();
        foreach (var block in blocks.Where(b => b.Kind == BlockKind.Meeting))
        {
            if (MeetingBuilder.TryCreate(block, warnings, missing, hint) is { } meeting) meetings.Add(meeting);
        }

        // No "Møte N/ÅÅÅÅ" line at all, but the user says which meeting it is: the text before any cover note is that meeting.
        if (meetings.Count == 0 && missing.Count == 0 && hint is not null)
        {
            var firstNote = blocks.FirstOrDefault(b => b.Kind == BlockKind.CoverNote)?.Lines[0];
            var head = new DocumentBlock(BlockKind.Meeting, [.. lines.TakeWhile(l => !ReferenceEquals(l, firstNote))]);
            if (head.Lines.Count > 0 && MeetingBuilder.TryCreate(head, warnings, missing, hint, headless: true) is { HasCases: true } meeting) meetings.Add(meeting);
        }

        if (missing.Count > 0)
        {
            var what = missing[0];
            throw new InputException(sourceName, what.Line is { } l ? $"linje {l}" : null,
                $"{what.Message} Ingenting er lagret. Oppgi det som mangler: nuit import FIL --meeting 2/2019 --date 2019-05-27, " +
                "eller feltene Møte og Dato i forhåndsvisningen på importsiden.");
        }

        if (meetings.Count == 0)
            throw new InputException(sourceName, null,
                "Fant ingen møter i filen. Et møtedokument må ha en linje som «Møte 3/2024» og en dato som «Dato 5. september 2024». " +
                "Er hodet skadet, oppgi møtet og datoen: nuit import FIL --meeting 3/2024 --date 2024-09-05, eller feltene Møte og Dato på importsiden.");

        var attached = new List<SourceSpan>();
        foreach (var block in blocks.Where(b => b.Kind == BlockKind.CoverNote))
        {
            var note = CoverNoteParser.Parse(block);
            if (AttachCoverNote(note, meetings, warnings)) attached.Add(note.Source);
        }

        return new ParsedDocumentSet(meetings.Select(m => m.Build()).ToList(), warnings)
        {
            Unassigned = Unassigned(lines, [.. meetings.SelectMany(m => m.Covered()), .. attached]),
        };
    }

    /// <summary>Runs of non-blank lines that lie in no covered span; table and section headings count as covered.</summary>
    private static List<UnassignedText> Unassigned(IReadOnlyList<SourceLine> lines, IReadOnlyList<SourceSpan> covered)
    {
        // Line numbers are dense, so an array marks them: a set took a hash entry for nearly every line (issue 17).
        var taken = new bool[(lines.Count > 0 ? lines[^1].Number : 0) + 1];
        foreach (var span in covered)
            for (var n = Math.Max(span.FirstLine, 0); n <= span.LastLine && n < taken.Length; n++) taken[n] = true;

        var stretches = new List<UnassignedText>();
        List<SourceLine>? run = null;
        foreach (var line in lines)
        {
            if (line.IsBlank) continue;
            var free = !(line.Number < taken.Length && taken[line.Number]) && !CaseTableParser.IsTableHeading(line.Text) && !CaseTableParser.IsDetailHeading(line.Text);
            if (free) (run ??= []).Add(line);
            else if (run is not null) { stretches.Add(Stretch(run)); run = null; }
        }
        if (run is not null) stretches.Add(Stretch(run));
        return stretches;

        static UnassignedText Stretch(List<SourceLine> run)
        {
            var text = TextJoiner.CollapseSpaces(string.Join(" ", run.Select(l => l.Trimmed)));
            return new UnassignedText(run[0].Number, run[^1].Number, text.Length > 300 ? text[..299] + "…" : text);
        }
    }

    private static bool AttachCoverNote(CoverNote note, List<MeetingBuilder> meetings, List<ParseWarning> warnings)
    {
        var agendas = meetings.Where(m => m.Kind == DocumentKind.Agenda).ToList();
        var target = note.Number is { } number
            ? agendas.Select(m => m.Find(number)).FirstOrDefault(c => c is not null)
            : agendas.Select(m => m.FindByTitle(note.Title)).FirstOrDefault(c => c is not null);

        if (target is null)
        {
            var which = note.Number is { } n ? $"sak {n}" : $"«{note.Title}»";
            warnings.Add(new ParseWarning($"Toppnotatet for {which} hører ikke til noen sak i en innkalling i filen, og er hoppet over.", note.Source.FirstLine));
            return false;
        }

        target.Merge(note);
        return true;
    }
}

/// <summary>Collects one meeting from its header, case table and case texts, and later the cover notes.</summary>
internal sealed class MeetingBuilder
{
    private readonly MeetingHeader _header;
    private readonly BodyCode _body;
    private readonly DateOnly _date;
    private readonly DocumentBlock _block;
    private readonly List<CaseBuilder> _cases;

    private MeetingBuilder(MeetingHeader header, BodyCode body, DateOnly date, DocumentBlock block, List<CaseBuilder> cases)
    {
        _header = header;
        _body = body;
        _date = date;
        _block = block;
        _cases = cases;
    }

    public DocumentKind Kind => _header.Kind;

    public bool HasCases => _cases.Count > 0;

    /// <param name="missing">Where a meeting whose number or date neither the document nor the hint gives is told.</param>
    /// <param name="headless">The block has no "Møte N/ÅÅÅÅ" line; the hint names the meeting (NUIT unless the heading says otherwise).</param>
    public static MeetingBuilder? TryCreate(DocumentBlock block, List<ParseWarning> warnings, List<ParseWarning> missing, MeetingHint? hint, bool headless = false)
    {
        var read = MeetingHeaderParser.Parse(block, withoutNumber: headless);
        var line = block.Lines[0].Number;
        if (read is null) return null;
        var header = Complete(read, hint, warnings, line);
        if (header.Body is not { } body)
        {
            if (!headless)
            {
                warnings.Add(new ParseWarning($"Møte {header.Number}: fant ikke hvilket organ møtet gjelder (ventet «Møte i NUIT»). Møtet er hoppet over.", line));
                return null;
            }
            body = BodyCode.Nuit;
        }

        if (header.Sequence is null || header.Year is not { } year || header.Date is not { } date)
        {
            missing.Add(new ParseWarning(DescribeMissing(read, header), read.NumberLineIndex >= 0 ? block.Lines[read.NumberLineIndex].Number : line));
            return null;
        }

        var cases = header.Kind == DocumentKind.Agenda
            ? ReadAgenda(block, header, year, warnings)
            : ReadMinutes(block, header, year, warnings);
        return new MeetingBuilder(header, body, date, block, cases);
    }

    /// <summary>Fills what the document does not tell from the user's hint; what the document does tell wins.</summary>
    private static MeetingHeader Complete(MeetingHeader read, MeetingHint? hint, List<ParseWarning> warnings, int line)
    {
        if (hint is null) return read;
        if (read.Sequence is not null && hint.Sequence is not null && (read.Sequence != hint.Sequence || (read.Year is { } y && hint.Year is { } hy && y != hy)))
            warnings.Add(new ParseWarning($"Dokumentet sier møte {read.Number}; det oppgitte møtet {hint} er ikke brukt.", line));
        if (read.Date is { } d && hint.Date is { } hd && d != hd)
            warnings.Add(new ParseWarning($"Dokumentet sier dato {d:yyyy-MM-dd}; den oppgitte datoen {hd:yyyy-MM-dd} er ikke brukt.", line));
        var year = read.Year ?? (read.Sequence is null ? hint.Year : hint.Year ?? hint.Date?.Year);
        return read with { Sequence = read.Sequence ?? hint.Sequence, Year = year, Date = read.Date ?? hint.Date };
    }

    private static string DescribeMissing(MeetingHeader read, MeetingHeader completed)
    {
        var parts = new List<string>();
        if (completed.Sequence is null) parts.Add("møtenummeret (ventet en linje som «Møte 2/2019»)");
        else if (completed.Year is null) parts.Add($"året i møtenummeret «Møte {read.Sequence}/»");
        if (completed.Date is null) parts.Add("datoen (ventet «Dato 27. mai 2019»)");
        return $"Møte {completed.Number}: fant ikke {string.Join(" eller ", parts)}.";
    }

    /// <summary>The lines this meeting took: its head and every case's rows and texts.</summary>
    public IEnumerable<SourceSpan> Covered() =>
        _header.HeaderEnd > 0 ? [_block.Span(0, _header.HeaderEnd - 1), .. _cases.SelectMany(c => c.Spans)] : _cases.SelectMany(c => c.Spans);

    public CaseBuilder? Find(CaseNumber number) => _cases.FirstOrDefault(c => c.Number == number);

    public CaseBuilder? FindByTitle(string title)
    {
        var wanted = Comparable(title);
        return _cases.FirstOrDefault(c => c.Titles.Any(t => Comparable(t) == wanted));
    }

    public ParsedMeeting Build() => new(
        _body, _header.Number, _date, _header.Start, _header.End, _header.Place, _header.Kind,
        _header.Attendees, _cases.Select(c => c.Build()).ToList(), _block.Span());

    private static List<CaseBuilder> ReadAgenda(DocumentBlock block, MeetingHeader header, int year, List<ParseWarning> warnings)
    {
        var rows = CaseTableParser.Parse(block.Lines, header.NumberLineIndex, year);
        var cases = rows.Select(r => CaseBuilder.FromRow(r, block)).ToList();
        var detailHeading = CaseTableParser.FindDetailHeading(block.Lines, header.NumberLineIndex);
        foreach (var detail in AgendaParser.Parse(block, detailHeading, year))
        {
            var target = cases.FirstOrDefault(c => c.Number == detail.Number);
            if (target is null)
            {
                if (rows.Count > 0)
                    warnings.Add(new ParseWarning($"Sak {detail.Number} er omtalt i innkallingen til møte {header.Number}, men står ikke i sakslisten.", detail.Source.FirstLine));
                target = CaseBuilder.FromTitle(detail.Number, detail.Title, detail.Type, cases.Count + 1, detail.Source);
                cases.Add(target);
            }

            target.Merge(detail);
        }

        return cases;
    }

    private static List<CaseBuilder> ReadMinutes(DocumentBlock block, MeetingHeader header, int year, List<ParseWarning> warnings)
    {
        var rows = CaseTableParser.Parse(block.Lines, header.NumberLineIndex, year);
        var cases = rows.Select(r => CaseBuilder.FromRow(r, block)).ToList();
        var titles = rows.GroupBy(r => r.Number).ToDictionary(g => g.Key, g => g.First().Title);
        var detailHeading = CaseTableParser.FindDetailHeading(block.Lines, header.NumberLineIndex);
        var seen = new HashSet<CaseNumber>();
        foreach (var detail in MinutesParser.Parse(block, detailHeading, year, titles))
        {
            seen.Add(detail.Number);
            var target = cases.FirstOrDefault(c => c.Number == detail.Number);
            if (target is null)
            {
                warnings.Add(new ParseWarning($"Sak {detail.Number} står i referatet fra møte {header.Number}, men ikke på sakslisten.", detail.Source.FirstLine));
                target = CaseBuilder.FromTitle(detail.Number, detail.Title, null, cases.Count + 1, detail.Source);
                cases.Add(target);
            }

            target.Merge(detail);
        }

        foreach (var row in rows.Where(r => !seen.Contains(r.Number)))
            warnings.Add(new ParseWarning($"Sak {row.Number} står på sakslisten til møte {header.Number}, men referatet sier ikke noe om den.", block.Lines[row.FirstIndex].Number));

        return cases;
    }

    private static string Comparable(string s) => CaseSegmenter.Comparable(s).Trim('.', ' ');
}

/// <summary>One case, filled from the case table, then the agenda or minutes text, then its cover note.</summary>
internal sealed class CaseBuilder
{
    private readonly List<string> _titles = [];
    private readonly List<ParsedAttachment> _attachments = [];
    private readonly List<ParsedSection> _sections = [];
    private readonly List<ParsedReference> _references = [];
    private readonly List<SourceSpan> _spans = [];
    private IReadOnlyList<string> _officers = [];
    private IReadOnlyList<string> _inputs = [];
    private IReadOnlyList<string> _actions = [];
    private string? _type;
    private string? _owner;
    private string? _proposed;
    private string? _decision;
    private bool _decisionUpdated;
    private SourceSpan _source;

    private CaseBuilder(CaseNumber number, string title, string? type, int? order, TimeOnly? time, SourceSpan source)
    {
        Number = number;
        _titles.Add(title);
        _type = type;
        Order = order;
        TimeSlot = time;
        _source = source;
        _spans.Add(source);
    }

    /// <summary>Every stretch of the file this case was read from: its row, its agenda or minutes text, its cover note.</summary>
    public IReadOnlyList<SourceSpan> Spans => _spans;

    public CaseNumber Number { get; }

    /// <summary>The title from the case table first, then the other spellings met in the texts (used to match cover notes).</summary>
    public IReadOnlyList<string> Titles => _titles;

    public int? Order { get; }

    public TimeOnly? TimeSlot { get; }

    public static CaseBuilder FromRow(CaseRow row, DocumentBlock block) =>
        new(row.Number, row.Title, row.Type, row.Order, row.TimeSlot, block.Span(row.FirstIndex, row.LastIndex));

    public static CaseBuilder FromTitle(CaseNumber number, string title, string? type, int order, SourceSpan source) =>
        new(number, title, type, order, null, source);

    public void Merge(AgendaDetail detail)
    {
        _titles.Add(detail.Title);
        _type ??= detail.Type;
        _proposed ??= detail.ProposedDecision;
        _attachments.AddRange(detail.Attachments);
        if (detail.Description is { } d) _sections.Add(d);
        _source = detail.Source;
        _spans.Add(detail.Source);
    }

    public void Merge(MinutesDetail detail)
    {
        _titles.Add(detail.Title);
        _inputs = detail.Inputs;
        _actions = detail.ActionPoints;
        _decision = detail.Decision;
        _decisionUpdated = detail.DecisionUpdated;
        if (detail.Narrative is { } n) _sections.Add(n);
        _source = detail.Source;
        _spans.Add(detail.Source);
    }

    public void Merge(CoverNote note)
    {
        _titles.Add(note.Title);
        _type ??= note.Type;
        _owner ??= note.Owner;
        if (_officers.Count == 0) _officers = note.Officers;
        _proposed ??= note.ProposedDecision;
        _sections.AddRange(note.Sections);
        _references.AddRange(note.References);
    }

    public ParsedCase Build() => new(
        Number, _titles[0], _type, Order, TimeSlot, _owner, _officers, _proposed, _decision, _decisionUpdated,
        _inputs, _actions, _attachments, ReferenceParser.Distinct(_references), _sections, _source);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Number} {_titles[0]}");
}
