using System.Text.Json.Serialization;

namespace Nuit.Portfolio.Domain;

/// <summary>A body of Nasjonal rådsmodell for e-helse: NUIT, NUFA or Nasjonalt e-helseråd.</summary>
public sealed class Body
{
    public int Id { get; set; }
    public BodyCode Code { get; set; }
    public required string ShortName { get; set; }
    public required string Name { get; set; }
}

public sealed class Organisation
{
    public int Id { get; set; }

    /// <summary>As written in the documents, e.g. "Helse Sør-Øst RHF", "Norsk helsenett SF".</summary>
    public required string Name { get; set; }

    /// <summary>Common abbreviation where there is one: RHF, KS, NHN, FHI, HOD.</summary>
    public string? ShortName { get; set; }
}

public sealed class Meeting
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Body? Body { get; set; }

    /// <summary>"3/2024": running number within the year.</summary>
    public required string Number { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string? Place { get; set; }
    public bool HasAgenda { get; set; }
    public bool HasMinutes { get; set; }

    /// <summary>
    /// Planned by the secretariat before it is held (issue 21): its cases are the draft agenda and cover notes, which the
    /// real agenda fills when it is imported. Minutes end the planned state: the meeting has then been held.
    /// </summary>
    public bool IsPlanned { get; set; }
    public List<Attendance> Attendances { get; } = [];
    public List<Case> Cases { get; } = [];
}

public enum AttendanceRole
{
    Member = 1,
    Absent = 2,
    Deputy = 3,

    /// <summary>Others attending: the secretariat, presenters, observers.</summary>
    Other = 4,
}

public sealed class Attendance
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>Public council members' names; exports can leave them out.</summary>
    public required string PersonName { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public AttendanceRole Role { get; set; }
}

public sealed class Case
{
    public int Id { get; set; }
    public int BodyId { get; set; }
    public Body? Body { get; set; }

    /// <summary>"31/24" or "39/19-2" as written; <see cref="Year"/>, <see cref="Sequence"/> and <see cref="SubNumber"/> sort it.</summary>
    public required string Number { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public int? SubNumber { get; set; }

    /// <summary>The meeting that treated it; null for cases only known as earlier treatments of other cases.</summary>
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>Copied from the meeting so "cases touching X, newest first" is one index seek (see docs/adr).</summary>
    public DateOnly? MeetingDate { get; set; }

    public required string Title { get; set; }

    /// <summary>As written: Godkjenning, Orientering, Drøfting, Orientering/drøfting, Måtte utgå, Eventuelt.</summary>
    public string? Type { get; set; }
    public int? AgendaOrder { get; set; }
    public TimeOnly? TimeSlot { get; set; }
    public string? Owner { get; set; }
    public List<string> Officers { get; set; } = [];
    public string? ProposedDecision { get; set; }
    public string? Decision { get; set; }
    public bool DecisionUpdated { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<CaseInput> Inputs { get; } = [];
    public List<ActionPoint> ActionPoints { get; } = [];
    public List<CaseAttachment> Attachments { get; } = [];
    public List<CaseSection> Sections { get; } = [];
    public List<CaseReference> References { get; } = [];
    public List<CaseLink> Links { get; } = [];

    public CaseKey Key(BodyCode body) => new(body, new CaseNumber(Sequence, Year, SubNumber));
}

/// <summary>One bullet under "Innspill" in the minutes.</summary>
public sealed class CaseInput
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
}

public enum ActionPointStatus
{
    Open = 1,
    Closed = 2,
    InProgress = 3,
    Dropped = 4,
}

/// <summary>
/// An "Aksjonspunkt" from the minutes, followed up until it is closed: who acts (<see cref="Owners"/>), by when
/// (<see cref="DueOn"/>, read from <see cref="DueText"/> such as "innen neste møte"), and what closed it.
/// </summary>
public sealed class ActionPoint
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
    public ActionPointStatus Status { get; set; } = ActionPointStatus.Open;
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedBy { get; set; }

    /// <summary>The later case that closed it, when one did.</summary>
    public int? ClosedByCaseId { get; set; }
    public Case? ClosedByCase { get; set; }

    /// <summary>Evidence or a note on the status: "Lagt fram som sak 5/25", "Utgår: dekket av KI-planen".</summary>
    public string? Note { get; set; }

    public List<ActionPointOwner> Owners { get; } = [];

    public DateOnly? DueOn { get; set; }

    /// <summary>How the due date was written ("innen neste møte"); with no <see cref="DueOn"/> it is due but not yet known.</summary>
    public string? DueText { get; set; }
    public ActionPointDue DueKind { get; set; }

    /// <summary>True once a person set owners or due date: re-reading the text then leaves them alone.</summary>
    public bool EditedByPerson { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<FollowUp> FollowUps { get; } = [];
}

public static class ActionPointStatuses
{
    /// <summary>Open and in progress: still to be carried to the next meeting.</summary>
    public static readonly ActionPointStatus[] Unfinished = [ActionPointStatus.Open, ActionPointStatus.InProgress];

    /// <summary>The name in APIs, the CLI and files: open, in-progress, closed, dropped.</summary>
    public static string Name(ActionPointStatus status) => status switch
    {
        ActionPointStatus.InProgress => "in-progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The name on pages (bokmål).</summary>
    public static string Label(ActionPointStatus status) => status switch
    {
        ActionPointStatus.Open => "åpent",
        ActionPointStatus.InProgress => "under arbeid",
        ActionPointStatus.Closed => "lukket",
        ActionPointStatus.Dropped => "utgått",
        _ => status.ToString(),
    };

    public static bool TryParse(string? s, out ActionPointStatus status)
    {
        status = default;
        switch (s?.Trim().ToLowerInvariant())
        {
            case "open" or "åpen" or "åpent": status = ActionPointStatus.Open; return true;
            case "in-progress" or "inprogress" or "in_progress" or "under arbeid": status = ActionPointStatus.InProgress; return true;
            case "closed" or "lukket": status = ActionPointStatus.Closed; return true;
            case "dropped" or "utgått": status = ActionPointStatus.Dropped; return true;
            default: return false;
        }
    }
}

/// <summary>How a due date was written: a date, "neste møte", or "møtet i mai".</summary>
public enum ActionPointDue
{
    None = 0,
    Date = 1,
    NextMeeting = 2,
    MeetingInMonth = 3,
}

/// <summary>An organisation or role that is to act on an action point: "NHN", "KS", "Sekretariatet", "Oslo kommune".</summary>
public sealed class ActionPointOwner
{
    public int Id { get; set; }
    public int ActionPointId { get; set; }
    public ActionPoint? ActionPoint { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// Action point → the later case that follows it up, suggested from the later case's text (evidence: the sentence)
/// and confirmed or rejected by people. A rejected suggestion stays, so detection never suggests it again.
/// </summary>
public sealed class FollowUp
{
    public int Id { get; set; }
    public int ActionPointId { get; set; }
    public ActionPoint? ActionPoint { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public LinkState State { get; set; } = LinkState.Suggested;
    public required string Evidence { get; set; }
    public DateTimeOffset SuggestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public sealed class CaseAttachment
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
}

/// <summary>The text of one section of a case (agenda text, a cover-note heading, minutes), for search and linking.</summary>
public sealed class CaseSection
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }

    /// <summary>Where it came from: the stored document and its line range / page.</summary>
    public int? DocumentId { get; set; }
    public SourceDocument? Document { get; set; }
    public int? FirstLine { get; set; }
    public int? LastLine { get; set; }
    public int? Page { get; set; }
}

/// <summary>An earlier treatment: this case → an earlier case, possibly of another body.</summary>
public sealed class CaseReference
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public BodyCode ReferencedBody { get; set; }
    public required string ReferencedNumber { get; set; }

    /// <summary>Resolved when the referenced case is in the register.</summary>
    public int? ReferencedCaseId { get; set; }
    public Case? ReferencedCase { get; set; }
    public DateOnly? Date { get; set; }
    public string? DecisionText { get; set; }

    /// <summary>The table row as written, or for a reference in running text the sentence it stands in.</summary>
    public required string RawText { get; set; }
    public ReferenceKind Kind { get; set; } = ReferenceKind.Table;
}

public enum ReferenceKind
{
    /// <summary>A row of the cover note's "Vedtak fra tidligere behandlinger".</summary>
    Table = 1,

    /// <summary>Named in running text: "jf. sak 27/24".</summary>
    Text = 2,
}

/// <summary>Where a case–item link stands. In JSON the lower-case words clients have always read.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LinkState>))]
public enum LinkState
{
    [JsonStringEnumMemberName("suggested")] Suggested = 1,
    [JsonStringEnumMemberName("confirmed")] Confirmed = 2,
    [JsonStringEnumMemberName("rejected")] Rejected = 3,
}

public enum LinkOrigin
{
    Matcher = 1,
    Manual = 2,
}

/// <summary>Case ↔ roadmap item, with the evidence that suggested it and who decided on it.</summary>
public sealed class CaseLink
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public Case? Case { get; set; }
    public int ItemId { get; set; }
    public RoadmapItem? Item { get; set; }

    /// <summary>Copy of the case's meeting date: the (item, date desc, case) index answers "newest first" without a sort.</summary>
    public DateOnly? MeetingDate { get; set; }
    public LinkState State { get; set; } = LinkState.Suggested;
    public LinkOrigin Origin { get; set; }
    public double Score { get; set; }
    public List<LinkEvidence> Evidence { get; set; } = [];
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary><see cref="Matched"/> is the alias or code the matcher found, to say why a link was suggested; null for a person's note and for links made before it was kept.</summary>
public sealed record LinkEvidence(string Section, string Text, int Position, string? Matched = null);

/// <summary>An original file as imported, kept content-addressed (SHA-256) so nothing is lost.</summary>
public sealed class SourceDocument
{
    public int Id { get; set; }
    public required string Sha256 { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}

public enum ImportResult
{
    Created = 1,
    Updated = 2,
    Unchanged = 3,
    Failed = 4,
}

/// <summary>Every import attempt: who, when, which file, and what came of it.</summary>
public sealed class ImportRecord
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public int? DocumentId { get; set; }
    public SourceDocument? Document { get; set; }
    public required string ImportedBy { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public ImportResult Result { get; set; }

    /// <summary>Human-readable summary of what changed, or the error.</summary>
    public string? Details { get; set; }
}

/// <summary>A seed entry applied once; never applied again, so users' later edits and deletions stand.</summary>
public sealed class AppliedSeed
{
    public required string Key { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
}
