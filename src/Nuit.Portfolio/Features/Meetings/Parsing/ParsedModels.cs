using System.Globalization;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>Everything recognised in one file: one entry per meeting, plus what could be read only partly.</summary>
public sealed record ParsedDocumentSet(IReadOnlyList<ParsedMeeting> Meetings, IReadOnlyList<ParseWarning> Warnings);

/// <summary>Something the parser skipped or could read only partly; <paramref name="Line"/> is 1-based in the original text.</summary>
public sealed record ParseWarning(string Message, int? Line);

public enum DocumentKind
{
    Agenda,
    Minutes,
}

/// <summary>1-based lines in the original text; <paramref name="Page"/> when known (PDF pages or "side N" markers).</summary>
public sealed record SourceSpan(int FirstLine, int LastLine, int? Page);

public sealed record ParsedMeeting(
    BodyCode Body,
    string Number,
    DateOnly Date,
    TimeOnly? Start,
    TimeOnly? End,
    string? Place,
    DocumentKind Kind,
    IReadOnlyList<ParsedAttendee> Attendees,
    IReadOnlyList<ParsedCase> Cases,
    SourceSpan Source);

public sealed record ParsedAttendee(string Name, string? Organisation, AttendanceRole Role)
{
    /// <summary>For a deputy: the member they stand in for ("Andreas Høiaas, Kreftforeningen, for Jon Kirknes").</summary>
    public string? StandsInFor { get; init; }
}

public sealed record ParsedCase(
    CaseNumber Number,
    string Title,
    string? Type,
    int? AgendaOrder,
    TimeOnly? TimeSlot,
    string? Owner,
    IReadOnlyList<string> Officers,
    string? ProposedDecision,
    string? Decision,
    bool DecisionUpdated,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> ActionPoints,
    IReadOnlyList<ParsedAttachment> Attachments,
    IReadOnlyList<ParsedReference> References,
    IReadOnlyList<ParsedSection> Sections,
    SourceSpan Source);

public sealed record ParsedAttachment(int Number, string Title)
{
    /// <summary>The number as written, which may carry a letter: "9A". <see cref="Number"/> then holds 9.</summary>
    public string Label { get; init; } = Number.ToString(CultureInfo.InvariantCulture);
}

public sealed record ParsedReference(CaseKey Case, DateOnly? Date, string? DecisionText, string RawText)
{
    /// <summary>The earlier case's title, when the table row gives one.</summary>
    public string? Title { get; init; }
}

/// <summary>A titled part of a case text; <paramref name="Kind"/> is e.g. "Dagsorden", "Hensikt med saken", "Bakgrunn", "Referat".</summary>
public sealed record ParsedSection(string Kind, string Text, SourceSpan Source);
