using Hangfire;
using Mediator;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Reports;

namespace Nuit.Portfolio.Web.Jobs;

/// <summary>
/// Builds the draft report for a quarter (by default the one that just ended) unless the database already
/// has a report for it. Safe to run any number of times: the report row decides, not the scheduler.
/// </summary>
public sealed class QuarterlyReportJob(ISender sender, CurrentUser user, ReportNotifier notifier, TimeProvider clock, IOptions<ReportScheduleOptions> options)
{
    public const string CreatedBy = "planlagt jobb";

    // Backoff: a locked or briefly unavailable database gets minutes, then hours, before the job gives up.
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 3600, 10800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(string? quarter, CancellationToken cancellationToken)
    {
        var q = quarter ?? Quarter.LastEnded(clock.GetUtcNow(), options.Value.TimeZone).ToString();
        user.Set(CreatedBy, Channels.Job);
        var result = await sender.Send(new CreateReport(q, Publish: false, OnlyIfMissing: true), cancellationToken);
        if (result.Outcome != ReportOutcome.Existing) await notifier.ReportReadyAsync(result.Report, cancellationToken);
    }
}
