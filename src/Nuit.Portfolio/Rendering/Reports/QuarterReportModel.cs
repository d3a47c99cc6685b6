namespace Nuit.Portfolio.Rendering.Reports;

// The data behind a quarterly report. It is what the builders render and, serialised as JSON, the
// snapshot stored with a published report: plain strings, numbers and ISO dates, so an old snapshot
// still reads after the domain model changes. Status values are codes (green, amber, red, grey).

public sealed record QuarterReport(
    string Quarter,
    string QuarterText,
    string PreviousQuarter,
    DateTimeOffset CutOff,
    int GapQuarters,
    IReadOnlyList<GoalSummary> Goals,
    IReadOnlyList<ItemStatusRow> Items,
    IReadOnlyList<IndicatorRow> Indicators,
    IReadOnlyList<ReportCase> Cases,
    IReadOnlyList<CaseGroup> CasesByItem,
    IReadOnlyList<ActionPointRow> ActionPoints,
    IReadOnlyList<DiscussionGap> ItemsNotDiscussed,
    IReadOnlyList<IndicatorGap> IndicatorsWithoutValue,
    IReadOnlyList<string> ChartQuarters,
    IReadOnlyList<CaseCountSeries> CasesPerQuarter)
{
    /// <summary>The decisions on the quarter's cases, under the goal and item each case touched (a case may stand under several).</summary>
    public IReadOnlyList<QuarterDecision> Decisions { get; init; } = [];

    /// <summary>Action points opened, closed and overdue in the quarter (see <see cref="QuarterActionPoint.Event"/>).</summary>
    public IReadOnlyList<QuarterActionPoint> ActionPointEvents { get; init; } = [];
}

public sealed record RagCounts(int Green, int Amber, int Red, int Grey)
{
    public int Total => Green + Amber + Red + Grey;

    public int Of(string rag) => rag switch
    {
        "green" => Green,
        "amber" => Amber,
        "red" => Red,
        _ => Grey,
    };
}

/// <summary>Counts over the goal's sub-goals and initiatives; <see cref="Rag"/> is the goal's own status.</summary>
public sealed record GoalSummary(
    string Code, string Name, string Rag, RagCounts Counts, RagCounts PreviousCounts, IReadOnlyList<ItemChange> Changes);

public sealed record ItemChange(string Item, string Name, string Kind, string From, string To, string Change);

/// <param name="Kind">goal, subgoal or initiative.</param>
/// <param name="Goal">Code of the goal it sits under; null for goals and unplaced initiatives.</param>
public sealed record ItemStatusRow(
    string Code, string Name, string Kind, string? Goal, string Rag, string PreviousRag, string Change,
    string? Narrative, string? Author, DateTimeOffset? RecordedAt, string? Owner, IReadOnlyList<MilestoneRow> Milestones);

public sealed record MilestoneRow(string Name, DateOnly? Planned, DateOnly? Forecast, DateOnly? Actual, bool Slipped, string? Source);

/// <param name="ExpectedPeriod">The period a value is due for at the end of the quarter: the quarter itself, or the last whole year.</param>
/// <param name="Status">green, amber, red, grey (no value) or no-target.</param>
public sealed record IndicatorRow(
    string Code, string Name, string? Goal, string Unit, string ExpectedPeriod, PeriodPoint? Latest, decimal? Target, string Status,
    IReadOnlyList<PeriodPoint> Values, IReadOnlyList<PeriodPoint> Targets);

public sealed record PeriodPoint(string Period, decimal Value);

public sealed record ReportCase(
    string Case, string Title, DateOnly? MeetingDate, string? Meeting, string? Type, string? Decision, IReadOnlyList<CaseItemRef> Items);

/// <param name="State">suggested or confirmed (rejected links are left out).</param>
public sealed record CaseItemRef(string Item, string Name, string State);

/// <summary>Cases of the quarter under one item they touched; <see cref="Item"/> is empty for cases linked to nothing.</summary>
public sealed record CaseGroup(string Item, string Name, string Kind, IReadOnlyList<CaseRef> Cases);

public sealed record CaseRef(string Case, string Title, string State);

/// <param name="AgeDays">Days from the meeting that gave the action point to the report's reference date.</param>
public sealed record ActionPointRow(string Case, string Text, DateOnly? MeetingDate, int AgeDays);

/// <summary>An initiative or sub-goal no case touched in the report's gap quarters (Features/Ledger/CoverageGaps, the one rule).</summary>
/// <param name="LastCase">The newest case that touched it ("NUIT 31/24"); null when none ever did.</param>
public sealed record DiscussionGap(string Item, string Name, string Kind, DateOnly? LastDiscussed, string? LastCase = null);

/// <param name="Goal">The goal the item sits under (empty: not placed under a goal).</param>
/// <param name="Link">suggested or confirmed.</param>
public sealed record QuarterDecision(
    string Goal, string GoalName, string Item, string ItemName, string Kind, string Case, string Title, DateOnly? MeetingDate, string Decision, string Link);

/// <param name="Event">
/// opened (set at a meeting in the quarter), closed (closed or dropped in the quarter) or overdue (past its due date and
/// still open at the end of the quarter). One action point may have several events.
/// </param>
/// <param name="Status">open, in-progress, closed or dropped, as now.</param>
public sealed record QuarterActionPoint(
    string Event, int Id, string Case, string Text, DateOnly? MeetingDate, IReadOnlyList<string> Owners, DateOnly? Due, string Status,
    DateOnly? ClosedOn, string? ClosedByCase);

public sealed record IndicatorGap(string Item, string Name, string ExpectedPeriod, string? LatestPeriod);

/// <summary>Cases touching a goal (or anything under it) per quarter, aligned with <see cref="QuarterReport.ChartQuarters"/>.</summary>
public sealed record CaseCountSeries(string Goal, string Name, IReadOnlyList<int> Counts);
