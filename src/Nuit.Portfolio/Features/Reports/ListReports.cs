using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Reports;

/// <summary>Stored reports, newest quarter first and, within a quarter, the draft and then the newest edition.</summary>
public sealed record ListReports(string? Quarter = null) : IQuery<IReadOnlyList<ReportSummary>>;

public sealed record GetReport(int Id) : IQuery<ReportSummary>;

/// <summary>One stored file of a report, exactly as it was stored.</summary>
public sealed record GetReportFile(int Id, string Name) : IQuery<ReportFileContent>;

public sealed record ReportFileContent(string Name, string ContentType, byte[] Content);

public sealed class ListReportsValidator : AbstractValidator<ListReports>
{
    public ListReportsValidator() =>
        RuleFor(x => x.Quarter).MustBeAQuarter().When(x => x.Quarter is not null);
}

public sealed class ListReportsHandler(PortfolioDbContext db) : IQueryHandler<ListReports, IReadOnlyList<ReportSummary>>
{
    public async ValueTask<IReadOnlyList<ReportSummary>> Handle(ListReports query, CancellationToken cancellationToken)
    {
        var reports = db.Set<Report>().AsNoTracking();
        if (query.Quarter is not null)
        {
            var q = Domain.Quarter.Parse(query.Quarter);
            reports = reports.Where(r => r.Quarter == q);
        }
        return [.. (await SummariesAsync(reports, cancellationToken))
            .OrderByDescending(r => r.Quarter, StringComparer.Ordinal).ThenBy(r => r.Edition == 0 ? 0 : 1).ThenByDescending(r => r.Edition)];
    }

    /// <summary>The reports with their file metadata only: the contents stay in the database until someone asks for one.</summary>
    internal static async Task<List<ReportSummary>> SummariesAsync(IQueryable<Report> reports, CancellationToken ct)
    {
        var rows = await reports.Select(r => new
        {
            Report = r,
            Files = r.Files.Select(f => new ReportFileInfo(f.Name, f.ContentType, f.Size, f.Sha256)).ToList(),
        }).ToListAsync(ct);
        return [.. rows.Select(x => x.Report.ToSummary(x.Files))];
    }
}

public sealed class GetReportHandler(PortfolioDbContext db) : IQueryHandler<GetReport, ReportSummary>
{
    public async ValueTask<ReportSummary> Handle(GetReport query, CancellationToken cancellationToken) =>
        (await ListReportsHandler.SummariesAsync(db.Set<Report>().AsNoTracking().Where(r => r.Id == query.Id), cancellationToken)).SingleOrDefault()
        ?? throw new NotFoundException($"Finner ikke rapport {query.Id}.");
}

public sealed class GetReportFileHandler(PortfolioDbContext db) : IQueryHandler<GetReportFile, ReportFileContent>
{
    public async ValueTask<ReportFileContent> Handle(GetReportFile query, CancellationToken cancellationToken) =>
        await db.Set<ReportFile>().AsNoTracking()
            .Where(f => f.ReportId == query.Id && f.Name == query.Name)
            .Select(f => new ReportFileContent(f.Name, f.ContentType, f.Content))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException($"Rapport {query.Id} har ingen fil «{query.Name}».");
}
