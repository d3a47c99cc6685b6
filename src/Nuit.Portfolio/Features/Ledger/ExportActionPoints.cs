using FluentValidation;
using Mediator;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Roadmap;
using Nuit.Portfolio.Files.Workbooks;

namespace Nuit.Portfolio.Features.Ledger;

/// <summary>The carry-over list (<see cref="ListActionPoints"/>, same filters and order) as an Excel workbook.</summary>
public sealed record ExportActionPoints(ListActionPoints Filter) : IQuery<WorkbookFile>;

public sealed class ExportActionPointsValidator : AbstractValidator<ExportActionPoints>
{
    public ExportActionPointsValidator() => RuleFor(x => x.Filter).SetValidator(new ListActionPointsValidator());
}

public sealed class ExportActionPointsHandler(PortfolioDbContext db, TimeProvider clock) : IQueryHandler<ExportActionPoints, WorkbookFile>
{
    public async ValueTask<WorkbookFile> Handle(ExportActionPoints query, CancellationToken cancellationToken)
    {
        // The list as a plain class (no mediator inside a handler); the filter was validated with this request.
        var rows = await new ListActionPointsHandler(db, clock).Handle(query.Filter, cancellationToken);
        return new WorkbookFile("aksjonspunkter.xlsx", output => ActionPointWorkbook.Write(rows, output));
    }
}
