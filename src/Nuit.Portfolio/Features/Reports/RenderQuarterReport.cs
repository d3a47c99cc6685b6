using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Rendering.Reports;

namespace Nuit.Portfolio.Features.Reports;

/// <summary>Builds every file of a quarter's report in memory without storing anything (a preview, or the first half of <see cref="CreateReport"/>).</summary>
public sealed record RenderQuarterReport(string Quarter, DateTimeOffset? CutOff = null, string Edition = "Forhåndsvisning", int GapQuarters = Ledger.CoverageGaps.DefaultQuarters)
    : IQuery<RenderedReport>;

/// <param name="Steps">How many progress steps rendering took, so a caller can count on from there.</param>
public sealed record RenderedReport(QuarterReport Data, IReadOnlyList<RenderedFile> Files, int Steps = 0);

public sealed class RenderQuarterReportValidator : AbstractValidator<RenderQuarterReport>
{
    public RenderQuarterReportValidator()
    {
        RuleFor(x => x.Quarter).MustBeAQuarter();
        RuleFor(x => x.Edition).NotEmpty().MaximumLength(100);
    }
}

public sealed class RenderQuarterReportHandler(PortfolioDbContext db, TimeProvider clock, WorkProgress progress) : IQueryHandler<RenderQuarterReport, RenderedReport>
{
    public async ValueTask<RenderedReport> Handle(RenderQuarterReport query, CancellationToken cancellationToken)
    {
        progress.Report(0, 1, "Henter data for kvartalet");
        // The data query as a plain class (no mediator inside a handler); the quarter was validated with this request.
        var data = await new GetQuarterReportDataHandler(db, clock).Handle(new GetQuarterReportData(query.Quarter, query.CutOff, query.GapQuarters), cancellationToken);
        // Rendering is CPU work on an in-memory model; keep it off the request thread's synchronous path.
        var steps = 0;
        var files = await Task.Run(() => QuarterReportFiles.Render(data, query.Edition, (step, total, text) =>
        {
            steps = total;
            progress.Report(step, total, text);
        }), cancellationToken);
        return new RenderedReport(data, files, steps);
    }
}
