namespace Nuit.Portfolio.Features.Meetings.Planning;

/// <summary>
/// A meeting's pack as the council writes it: the notice (when, where), the agenda and one cover note per case.
/// Built from what is stored for the meeting, so the Word file written from it imports back to the same cases.
/// </summary>
public sealed record MeetingPack(
    string Body, string Number, DateOnly Date, TimeOnly? Start, TimeOnly? End, string? Place, bool Planned, IReadOnlyList<PackCase> Cases);

/// <summary>
/// One case of the pack. <see cref="Sections"/> are the cover note's headings in the council's order, empty where the
/// secretary has not written anything yet; <see cref="PreviousDecisions"/> is the table "Vedtak fra tidligere behandlinger".
/// </summary>
public sealed record PackCase(
    string Number, string Title, string? Type, TimeOnly? TimeSlot, string? Owner, IReadOnlyList<string> Items,
    string? ProposedDecision, IReadOnlyList<PackSection> Sections, IReadOnlyList<PackReference> PreviousDecisions);

/// <summary>A cover-note heading and its text; paragraphs are separated by line breaks, bullets start with "• ".</summary>
public sealed record PackSection(string Heading, string Text);

/// <summary>
/// One earlier treatment: <see cref="Lead"/> names the body, case number, date and title ("NUIT, sak 31/24 (5.9.2024) Plan
/// for realisering"), <see cref="Decision"/> quotes the decision. Written side by side they are the row the import reads.
/// </summary>
public sealed record PackReference(string Lead, string? Decision)
{
    public string Text => Decision is null ? Lead : $"{Lead} {Decision}";
}

public static class CoverNoteHeadings
{
    public const string Purpose = "Hensikt med saken";
    public const string Background = "Bakgrunn";
    public const string Questions = "Drøftingsspørsmål";
    public const string NextSteps = "Videre saksprosess";
    public const string PreviousDecisions = "Vedtak fra tidligere behandlinger";

    /// <summary>The order the council's cover notes use.</summary>
    public static readonly string[] All = [Purpose, Background, Questions, NextSteps, PreviousDecisions];
}
