using FluentValidation;
using Mediator;
using Nuit.Portfolio.Rendering.Reports;

namespace Nuit.Portfolio.Features.Reports;

/// <summary>Builds every file of a quarter's report in memory without storing anything (a preview, or the first half of <see cref="CreateReport"/>).</summary>
public sealed record RenderQuarterReport(string Quarter, DateTimeOffset? CutOff = null, string Edition = "Forhåndsvisning", int GapQuarters = 2)
    : IQuery<RenderedReport>;

public sealed record RenderedReport(QuarterReport Data, IReadOnlyList<RenderedFile> Files);

public sealed class RenderQuarterReportValidator : AbstractValidator<RenderQuarterReport>
{
    public RenderQuarterReportValidator()
    {
        RuleFor(x => x.Quarter).Must(q => Domain.Quarter.TryParse(q, out _))
            .WithMessage(x => $"«{x.Quarter}» er ikke et kvartal. Skriv det som 2025-Q1.");
        RuleFor(x => x.Edition).NotEmpty().MaximumLength(100);
    }
}

public sealed class RenderQuarterReportHandler(ISender sender) : IQueryHandler<RenderQuarterReport, RenderedReport>
{
    public async ValueTask<RenderedReport> Handle(RenderQuarterReport query, CancellationToken cancellationToken)
    {
        var data = await sender.Send(new GetQuarterReportData(query.Quarter, query.CutOff, query.GapQuarters), cancellationToken);
        // Rendering is CPU work on an in-memory model; keep it off the request thread's synchronous path.
        var files = await Task.Run(() => QuarterReportFiles.Render(data, query.Edition), cancellationToken);
        return new RenderedReport(data, files);
    }
}
