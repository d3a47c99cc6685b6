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
    IReadOnlyList<CaseCountSeries> CasesPerQuarter);

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

public sealed record DiscussionGap(string Item, string Name, string Kind, DateOnly? LastDiscussed);

public sealed record IndicatorGap(string Item, string Name, string ExpectedPeriod, string? LatestPeriod);

/// <summary>Cases touching a goal (or anything under it) per quarter, aligned with <see cref="QuarterReport.ChartQuarters"/>.</summary>
public sealed record CaseCountSeries(string Goal, string Name, IReadOnlyList<int> Counts);
