using System.Security.Cryptography;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Reports;

/// <summary>
/// Builds the report for a quarter and stores it: as the quarter's draft (replacing the previous draft),
/// or with <see cref="Publish"/> as a new frozen edition (1, 2 …) that later edits never change.
/// With <see cref="OnlyIfMissing"/> (the scheduled job) nothing happens when the quarter already has a report.
/// With <see cref="RequestId"/> (background work) a request run a second time — its worker was killed after storing
/// the report — returns the report it made instead of publishing another edition.
/// </summary>
/// <remarks>
/// <see cref="IOwnsTransaction"/>: the pipeline's transaction would hold
/// the database's write lock while the charts and files are rendered. Instead the files are built in
/// memory first and then stored in one short transaction of their own: all of them, or none.
/// </remarks>
/// <param name="Prepared">
/// Files already rendered by <see cref="PrepareReport"/> (the CLI writes them to its folder first and stores only what it
/// wrote); stored as they are, with their cut-off and edition. Without it the handler renders them itself.
/// </param>
public sealed record CreateReport(string Quarter, bool Publish = false, bool OnlyIfMissing = false, DateTimeOffset? CutOff = null,
    Guid? RequestId = null, [property: JsonIgnore] PreparedReport? Prepared = null)
    : ICommand<CreateReportResult>, IOwnsTransaction;

/// <summary>
/// The first half of <see cref="CreateReport"/>: renders the files a draft or the next edition would store, storing
/// nothing. A caller that must put the files somewhere else first (the CLI's <c>--out</c>) renders, writes, and then
/// sends <c>CreateReport(..., Prepared: …)</c>, so a version is stored only for files that were written.
/// </summary>
public sealed record PrepareReport(string Quarter, bool Publish = false, DateTimeOffset? CutOff = null) : IQuery<PreparedReport>;

/// <summary>A rendered report not yet stored: the edition its files name (0 for a draft) and the data's cut-off.</summary>
public sealed record PreparedReport(string Quarter, bool Publish, int Edition, DateTimeOffset CutOff, RenderedReport Rendered);

public sealed class PrepareReportValidator : AbstractValidator<PrepareReport>
{
    public PrepareReportValidator()
    {
        RuleFor(x => x.Quarter).MustBeAQuarter();
    }
}

public sealed class PrepareReportHandler(PortfolioDbContext db, TimeProvider clock, AuditTrail audit, WorkProgress progress)
    : IQueryHandler<PrepareReport, PreparedReport>
{
    public ValueTask<PreparedReport> Handle(PrepareReport query, CancellationToken cancellationToken) =>
        new(new CreateReportHandler(db, clock, audit, progress).PrepareAsync(Domain.Quarter.Parse(query.Quarter), query.Publish,
            query.CutOff ?? clock.GetUtcNow(), cancellationToken));
}

public sealed record CreateReportResult(ReportSummary Report, ReportOutcome Outcome);

/// <summary>What a report request did; JSON keeps the words clients already read ("created", "replaced", "existing").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportOutcome>))]
public enum ReportOutcome
{
    [JsonStringEnumMemberName("created")] Created,

    /// <summary>The quarter's draft was built again.</summary>
    [JsonStringEnumMemberName("replaced")] Replaced,

    /// <summary>Nothing was done: the quarter (or this request) already has its report.</summary>
    [JsonStringEnumMemberName("existing")] Existing,
}

public sealed class CreateReportValidator : AbstractValidator<CreateReport>
{
    public CreateReportValidator()
    {
        RuleFor(x => x.Quarter).MustBeAQuarter();
    }
}

public sealed class CreateReportHandler(PortfolioDbContext db, TimeProvider clock, AuditTrail audit, WorkProgress progress)
    : ICommandHandler<CreateReport, CreateReportResult>
{
    public async ValueTask<CreateReportResult> Handle(CreateReport command, CancellationToken cancellationToken)
    {
        var quarter = Domain.Quarter.Parse(command.Quarter);
        if (command.RequestId is { } requestId && await FirstAsync(r => r.RequestId == requestId, cancellationToken) is { } done)
            return new CreateReportResult(done, ReportOutcome.Existing);
        if (command.OnlyIfMissing && await FindAnyAsync(quarter, cancellationToken) is { } existing)
            return new CreateReportResult(existing, ReportOutcome.Existing);

        var now = clock.GetUtcNow();
        var prepared = command.Prepared ?? await PrepareAsync(quarter, command.Publish, command.CutOff ?? now, cancellationToken);
        if (prepared.Publish != command.Publish || Domain.Quarter.Parse(prepared.Quarter) != quarter)
            throw new InvalidOperationException("De ferdige rapportfilene hører til et annet kvartal eller en annen versjon.");
        var (cutOff, edition, rendered) = (prepared.CutOff, prepared.Edition, prepared.Rendered);
        var state = command.Publish ? ReportState.Published : ReportState.Draft;
        var snapshot = rendered.Files.Single(f => f.ContentType == "application/json");
        progress.Report(rendered.Steps, rendered.Steps, "Lagrer rapporten");

        // A locked SQLite database makes the whole store run again (ADR 11); the files are already built.
        return await db.RunAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                if (command.OnlyIfMissing && await FindAnyAsync(quarter, ct) is { } raced)
                    return new CreateReportResult(raced, ReportOutcome.Existing);

                var report = command.Publish ? null : await db.Set<Report>().FirstOrDefaultAsync(r => r.Quarter == quarter && r.Edition == 0, ct);
                var outcome = report is null ? ReportOutcome.Created : ReportOutcome.Replaced;
                if (report is null)
                {
                    report = new Report { Quarter = quarter, State = state, Edition = edition, CreatedBy = audit.User.Name, DataSha256 = "" };
                    db.Add(report);
                }
                else
                {
                    // Removed first, so the new files may reuse the old names under the unique index; deleted in the
                    // database, not loaded: the old files are megabytes.
                    await db.Set<ReportFile>().Where(f => f.ReportId == report.Id).ExecuteDeleteAsync(ct);
                }
                report.CutOff = cutOff;
                report.CreatedAt = now;
                report.CreatedBy = audit.User.Name;
                report.PublishedAt = command.Publish ? now : null;
                report.DataSha256 = Sha256(snapshot.Content);
                report.RequestId = command.RequestId;
                audit.Record(null, $"rapport {quarter}", "rapport", outcome == ReportOutcome.Created ? null : "(tidligere utkast)",
                    command.Publish ? $"publisert utgave {edition}" : outcome == ReportOutcome.Created ? "utkast" : "utkast bygget på nytt");
                await db.SaveChangesAsync(ct);

                foreach (var f in rendered.Files)
                    report.Files.Add(new ReportFile { Name = f.Name, ContentType = f.ContentType, Size = f.Content.Length, Sha256 = Sha256(f.Content), Content = f.Content });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new CreateReportResult(report.ToSummary(), outcome);
            }
            catch (DbUpdateException ex) when (command.OnlyIfMissing && !DatabaseBusyException.Is(ex) && !DatabaseUnavailableException.Is(ex))
            {
                // Another run stored the quarter's report between our check and our insert: that one stands.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var winner = await FindAnyAsync(quarter, ct);
                if (winner is null) throw;
                return new CreateReportResult(winner, ReportOutcome.Existing);
            }
            catch (DbUpdateException ex) when (command.Publish && ex is not DbUpdateConcurrencyException && !DatabaseBusyException.Is(ex) && !DatabaseUnavailableException.Is(ex))
            {
                // Two people published at once and took the same edition number; the second tries again.
                throw new DbUpdateConcurrencyException("Rapporten ble publisert av en annen samtidig. Prøv igjen.", ex);
            }
        }, cancellationToken);
    }

    /// <summary>Renders what the draft or the next edition would store; the edition number is taken again only if another publish stores first.</summary>
    internal async Task<PreparedReport> PrepareAsync(Domain.Quarter quarter, bool publish, DateTimeOffset cutOff, CancellationToken ct)
    {
        var edition = publish ? await NextEditionAsync(quarter, ct) : 0;
        var rendered = await new RenderQuarterReportHandler(db, clock, progress).Handle(new RenderQuarterReport(
            quarter.ToString(), cutOff, ReportProjections.EditionText(publish ? ReportState.Published : ReportState.Draft, edition)), ct);
        return new PreparedReport(quarter.ToString(), publish, edition, cutOff, rendered);
    }

    /// <summary>The quarter's newest report (draft or edition), as a summary: file metadata, not the files.</summary>
    private async Task<ReportSummary?> FindAnyAsync(Domain.Quarter quarter, CancellationToken ct) =>
        (await ListReportsHandler.SummariesAsync(
            db.Set<Report>().AsNoTracking().Where(r => r.Quarter == quarter).OrderByDescending(r => r.Edition).Take(1), ct)).FirstOrDefault();

    private async Task<ReportSummary?> FirstAsync(System.Linq.Expressions.Expression<Func<Report, bool>> which, CancellationToken ct) =>
        (await ListReportsHandler.SummariesAsync(db.Set<Report>().AsNoTracking().Where(which), ct)).FirstOrDefault();

    private async Task<int> NextEditionAsync(Domain.Quarter quarter, CancellationToken ct) =>
        (await db.Set<Report>().Where(r => r.Quarter == quarter).MaxAsync(r => (int?)r.Edition, ct) ?? 0) + 1;

    internal static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
