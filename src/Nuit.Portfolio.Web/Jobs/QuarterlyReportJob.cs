using Hangfire;
using Mediator;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Reports;

namespace Nuit.Portfolio.Web.Jobs;

/// <summary>
/// Builds the draft report for a quarter (by default the one that just ended) unless the database already
/// has a report for it. Safe to run any number of times: the report row decides, not the scheduler.
/// </summary>
public sealed class QuarterlyReportJob(ISender sender, ReportNotifier notifier, TimeProvider clock, IOptions<ReportScheduleOptions> options)
{
    public const string CreatedBy = "planlagt jobb";

    // Backoff: a locked or briefly unavailable database gets minutes, then hours, before the job gives up.
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 3600, 10800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(string? quarter, CancellationToken cancellationToken)
    {
        var q = quarter ?? LastEndedQuarter(clock.GetUtcNow(), options.Value.TimeZone).ToString();
        var result = await sender.Send(new CreateReport(q, Publish: false, CreatedBy: CreatedBy, OnlyIfMissing: true), cancellationToken);
        if (result.Outcome != "existing") await notifier.ReportReadyAsync(result.Report, cancellationToken);
    }

    /// <summary>The quarter that ended most recently in the council's own time zone (on 1 April 06:00 in Oslo: Q1).</summary>
    public static Quarter LastEndedQuarter(DateTimeOffset now, string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(now, ReportScheduling.FindTimeZone(timeZone));
        return Quarter.FromDate(DateOnly.FromDateTime(local.DateTime)).Previous();
    }
}
