using System.Globalization;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>Everything recognised in one file: one entry per meeting, plus what could be read only partly.</summary>
public sealed record ParsedDocumentSet(IReadOnlyList<ParsedMeeting> Meetings, IReadOnlyList<ParseWarning> Warnings)
{
    /// <summary>Each stretch of text that no meeting head, case or cover note took, so nothing is dropped silently.</summary>
    public IReadOnlyList<UnassignedText> Unassigned { get; init; } = [];
}

/// <summary>Lines <paramref name="FirstLine"/>..<paramref name="LastLine"/> (1-based, in the original text) that belong to no case.</summary>
public sealed record UnassignedText(int FirstLine, int LastLine, string Text);

/// <summary>
/// What the user says about a meeting that a damaged document does not tell (its number or its date). It only
/// fills what is missing: a number or date the document does state wins, with a warning when they differ.
/// </summary>
public sealed record MeetingHint(int? Sequence, int? Year, DateOnly? Date)
{
    /// <summary>"2/2019" (or "2/19"), either part optional; null when neither is given. Throws on a malformed number.</summary>
    public static MeetingHint? From(string? number, DateOnly? date)
    {
        if (string.IsNullOrWhiteSpace(number)) return date is null ? null : new MeetingHint(null, null, date);
        var parts = number.Trim().Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var seq) || seq is < 1 or > 99
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var year) || parts[1].Length is not (2 or 4))
            throw new FormatException($"«{number}» er ikke et møtenummer; skriv det som 2/2019.");
        return new MeetingHint(seq, year < 100 ? 2000 + year : year, date);
    }

    public override string ToString() => $"{Sequence?.ToString(CultureInfo.InvariantCulture) ?? "?"}/{Year?.ToString(CultureInfo.InvariantCulture) ?? "?"}";
}

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
