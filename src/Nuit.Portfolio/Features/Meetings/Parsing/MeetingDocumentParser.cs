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
    public static ParsedDocumentSet Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var warnings = new List<ParseWarning>();
        var blocks = DocumentSplitter.Split(TextNormalizer.Normalize(text));

        var meetings = new List<MeetingBuilder>();
        foreach (var block in blocks.Where(b => b.Kind == BlockKind.Meeting))
        {
            if (MeetingBuilder.TryCreate(block, warnings) is { } meeting) meetings.Add(meeting);
        }

        if (meetings.Count == 0)
            throw new InputException(sourceName, null,
                "Fant ingen møter i filen. Et møtedokument må ha en linje som «Møte 3/2024» og en dato som «Dato 5. september 2024».");

        foreach (var block in blocks.Where(b => b.Kind == BlockKind.CoverNote))
            AttachCoverNote(CoverNoteParser.Parse(block), meetings, warnings);

        return new ParsedDocumentSet(meetings.Select(m => m.Build()).ToList(), warnings);
    }

    private static void AttachCoverNote(CoverNote note, List<MeetingBuilder> meetings, List<ParseWarning> warnings)
    {
        var agendas = meetings.Where(m => m.Kind == DocumentKind.Agenda).ToList();
        var target = note.Number is { } number
            ? agendas.Select(m => m.Find(number)).FirstOrDefault(c => c is not null)
            : agendas.Select(m => m.FindByTitle(note.Title)).FirstOrDefault(c => c is not null);

        if (target is null)
        {
            var which = note.Number is { } n ? $"sak {n}" : $"«{note.Title}»";
            warnings.Add(new ParseWarning($"Toppnotatet for {which} hører ikke til noen sak i en innkalling i filen, og er hoppet over.", note.Source.FirstLine));
            return;
        }

        target.Merge(note);
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

    public static MeetingBuilder? TryCreate(DocumentBlock block, List<ParseWarning> warnings)
    {
        var header = MeetingHeaderParser.Parse(block);
        var line = block.Lines[0].Number;
        if (header is null) return null;
        if (header.Body is not { } body)
        {
            warnings.Add(new ParseWarning($"Møte {header.Number}: fant ikke hvilket organ møtet gjelder (ventet «Møte i NUIT»). Møtet er hoppet over.", line));
            return null;
        }

        if (header.Date is not { } date)
        {
            warnings.Add(new ParseWarning($"Møte {header.Number}: fant ingen dato (ventet «Dato 5. september 2024»). Møtet er hoppet over.", line));
            return null;
        }

        var cases = header.Kind == DocumentKind.Agenda
            ? ReadAgenda(block, header, warnings)
            : ReadMinutes(block, header, warnings);
        return new MeetingBuilder(header, body, date, block, cases);
    }

    public CaseBuilder? Find(CaseNumber number) => _cases.FirstOrDefault(c => c.Number == number);

    public CaseBuilder? FindByTitle(string title)
    {
        var wanted = Comparable(title);
        return _cases.FirstOrDefault(c => c.Titles.Any(t => Comparable(t) == wanted));
    }

    public ParsedMeeting Build() => new(
        _body, _header.Number, _date, _header.Start, _header.End, _header.Place, _header.Kind,
        _header.Attendees, _cases.Select(c => c.Build()).ToList(), _block.Span());

    private static List<CaseBuilder> ReadAgenda(DocumentBlock block, MeetingHeader header, List<ParseWarning> warnings)
    {
        var rows = CaseTableParser.Parse(block.Lines, header.NumberLineIndex, header.Year);
        var cases = rows.Select(r => CaseBuilder.FromRow(r, block)).ToList();
        var detailHeading = CaseTableParser.FindDetailHeading(block.Lines, header.NumberLineIndex);
        foreach (var detail in AgendaParser.Parse(block, detailHeading, header.Year))
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

    private static List<CaseBuilder> ReadMinutes(DocumentBlock block, MeetingHeader header, List<ParseWarning> warnings)
    {
        var rows = CaseTableParser.Parse(block.Lines, header.NumberLineIndex, header.Year);
        var cases = rows.Select(r => CaseBuilder.FromRow(r, block)).ToList();
        var titles = rows.GroupBy(r => r.Number).ToDictionary(g => g.Key, g => g.First().Title);
        var detailHeading = CaseTableParser.FindDetailHeading(block.Lines, header.NumberLineIndex);
        var seen = new HashSet<CaseNumber>();
        foreach (var detail in MinutesParser.Parse(block, detailHeading, header.Year, titles))
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
    }

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
