using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Features.Reports;

namespace Nuit.Portfolio.Features.Work;

/// <summary>
/// Runs one piece of queued work: what the job runner calls. Safe to call any number of times for the same work —
/// after a crash, at start, or by two instances at once: a worker first claims the row (queued → running) in one
/// statement, and only the one that claimed it runs the work. The work itself is all or nothing (a report is stored in
/// one transaction, an import too), and running it again is harmless (a report remembers the request that made it, an
/// import of the same file changes nothing).
/// </summary>
/// <remarks><see cref="IOwnsTransaction"/>: the claim, the report or import and the outcome each have their own.</remarks>
public sealed record RunWork(Guid Id) : ICommand<WorkStatus?>, IOwnsTransaction;

public sealed class RunWorkHandler(
    PortfolioDbContext db, ISender sender, CurrentUser user, WorkProgress progress, WorkBoard board, WorkHeartbeat heartbeat,
    TimeProvider clock, IOptions<WorkOptions> options, ILogger<RunWorkHandler> log) : ICommandHandler<RunWork, WorkStatus?>
{
    public async ValueTask<WorkStatus?> Handle(RunWork request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var staleBefore = now - o.StaleAfter;
        var leaseUntil = now + o.Lease;
        // -1: no attempt of this work died in this process (attempts count from 1).
        var died = board.DiedAttempt(request.Id) ?? -1;
        // Running work is free when its lease has passed (its process was killed or cut off), when its attempt died
        // here, or (a row from before the lease) when it has been silent for Work:StaleAfter. An attempt running in
        // this process is never taken, even if a SQLite write lock held back its heartbeat.
        var claimed = board.IsRunningHere(request.Id) ? 0 : await db.BackgroundWork
            .Where(w => w.Id == request.Id && (w.State == WorkState.Queued
                || (w.State == WorkState.Running && (w.LeaseUntil < now || (w.LeaseUntil == null && w.StartedAt < staleBefore) || w.Attempts == died))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(w => w.State, WorkState.Running)
                .SetProperty(w => w.Attempts, w => w.Attempts + 1)
                .SetProperty(w => w.StartedAt, now)
                .SetProperty(w => w.LeaseUntil, leaseUntil), cancellationToken);
        var work = await db.BackgroundWork.FirstOrDefaultAsync(w => w.Id == request.Id, cancellationToken);
        if (work is null)
        {
            log.LogWarning("Bakgrunnsarbeid {Id} finnes ikke i denne databasen; jobben gjør ingenting", request.Id);
            return null;
        }
        if (claimed == 0) return work.ToStatus(board.Get(request.Id));
        board.Forget(request.Id);

        if (work.Attempts > o.MaxAttempts)
            return await FinishAsync(work, WorkState.Failed, $"Arbeidet ble avbrutt {work.Attempts - 1} ganger før det ble ferdig, og startes ikke igjen. Prøv på nytt.", cancellationToken);

        // While it runs, the lease is renewed every few seconds from a scope of its own; a killed process stops that.
        board.RunningHere(work.Id, true);
        await using var beat = heartbeat.Start(work.Id, work.Attempts);

        // The work is done on behalf of the person who queued it, through the job channel.
        user.Set(work.RequestedBy, Channels.Job);
        progress.Listener = step =>
        {
            board.Set(work.Id, step);
            if (o.StepDelayMilliseconds > 0) Thread.Sleep(o.StepDelayMilliseconds);
        };
        try
        {
            return await RunAsync(work, cancellationToken);
        }
        catch (Exception ex) when (Outcomes.Of(ex).Kind is OutcomeKind.BadInput or OutcomeKind.NotFound)
        {
            // Bad input fails the same way every time: no retry, the reason goes to the user.
            work = await ReloadAsync(request.Id, cancellationToken);
            if (work.Kind != WorkKind.Report) work.ResultUrl = ImportUrl(work);
            return await FinishAsync(work, WorkState.Failed, Outcomes.Of(ex).Message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Bakgrunnsarbeid {Id} ({Title}) feilet i forsøk {Attempt}", work.Id, work.Title, work.Attempts);
            var attempt = work.Attempts;
            try
            {
                work = await ReloadAsync(request.Id, cancellationToken);
                if (work.Attempts >= o.MaxAttempts)
                    return await FinishAsync(work, WorkState.Failed, LastReason(ex), cancellationToken);
                // Back in the queue; the job runner tries again after a pause.
                work.State = WorkState.Queued;
                work.Message = $"Forsøk {work.Attempts} feilet; prøver igjen.";
                await db.SaveChangesAsync(cancellationToken);
                board.Remove(work.Id);
            }
            catch (Exception release) when (release is not OperationCanceledException)
            {
                // The database went away with the attempt, so the row still says running. The job runner's next try
                // in this process claims it again (instead of waiting for Work:StaleAfter); the sweep covers the rest.
                log.LogWarning(release, "Bakgrunnsarbeid {Id}: forsøk {Attempt} kunne ikke settes tilbake i kø", request.Id, attempt);
                board.Died(request.Id, attempt);
            }
            throw;
        }
        finally
        {
            progress.Listener = null;
            board.RunningHere(request.Id, false);
        }
    }

    private async Task<WorkStatus> RunAsync(BackgroundWork work, CancellationToken ct)
    {
        switch (work.Kind)
        {
            case WorkKind.Report:
                var input = JsonSerializer.Deserialize<ReportWorkInput>(work.Input, WorkProjections.Json)!;
                var made = await sender.Send(new CreateReport(input.Quarter, input.Publish, RequestId: work.Id), ct);
                work = await ReloadAsync(work.Id, ct);
                work.Result = JsonSerializer.Serialize(made.Report, WorkProjections.Json);
                work.ResultUrl = $"/reports#rapport-{made.Report.Id}";
                return await FinishAsync(work, WorkState.Succeeded,
                    $"Rapporten for {made.Report.QuarterText} er laget: {made.Report.EditionText.ToLowerInvariant()}.", ct);

            default:
                var dryRun = work.Kind == WorkKind.ImportPreview;
                var content = work.Payload ?? throw new InputException(work.FileName ?? "filen", null, "Filen er ikke lenger lagret. Last den opp på nytt.");
                var given = JsonSerializer.Deserialize<ImportWorkInput>(work.Input, WorkProjections.Json);
                var imported = await sender.Send(new ImportDocument(work.FileName ?? "dokument", content, dryRun)
                {
                    Meeting = given?.Meeting,
                    MeetingDate = given?.Date,
                }, ct);
                work = await ReloadAsync(work.Id, ct);
                work.Result = JsonSerializer.Serialize(imported, WorkProjections.Json);
                work.ResultUrl = ImportUrl(work);
                // The import keeps the original itself (content-addressed); the preview keeps it until it is confirmed.
                if (!dryRun) work.Payload = null;
                var meetings = string.Join(", ", imported.Meetings.Select(m => $"{m.Body} møte {m.Number}"));
                return await FinishAsync(work, WorkState.Succeeded,
                    dryRun ? $"Forhåndsvisningen er klar: {meetings}." : $"Importert: {meetings}.", ct);
        }
    }

    /// <summary>
    /// The work row afresh: the report and the import clear the change tracker on a retry, and a failed attempt may
    /// leave changes behind that must not be saved with the outcome.
    /// </summary>
    private async Task<BackgroundWork> ReloadAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.BackgroundWork.SingleAsync(w => w.Id == id, ct);
    }

    /// <summary>
    /// Why the last attempt failed, as the CLI says it (a full disk, a database that does not answer, Common/Outcomes);
    /// only a fault nobody foresaw gets the general line, its trace being in the log.
    /// </summary>
    internal static string LastReason(Exception ex) =>
        Outcomes.Of(ex) is { Kind: not OutcomeKind.Unexpected } outcome ? outcome.Message : "Noe gikk galt, også etter nye forsøk. Feilen er logget.";

    internal static string ImportUrl(BackgroundWork work) =>
        work.Kind == WorkKind.Import ? $"/import?resultat={work.Id}" : $"/import?forhandsvisning={work.Id}";

    private async Task<WorkStatus> FinishAsync(BackgroundWork work, WorkState state, string message, CancellationToken ct)
    {
        work.State = state;
        work.Message = message.Length > 4000 ? message[..4000] : message;
        work.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        board.Remove(work.Id);
        return work.ToStatus(null);
    }
}
