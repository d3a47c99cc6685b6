using System.Text.Json;
using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Reports;

namespace Nuit.Portfolio.Features.Work;

/// <summary>
/// Starts building a quarterly report in the background and returns at once; the progress page follows it.
/// The report itself is made by <see cref="CreateReport"/>, the same as from the CLI.
/// </summary>
public sealed record QueueReport(string Quarter, bool Publish) : ICommand<WorkStatus>, IOwnsTransaction;

public sealed class QueueReportValidator : AbstractValidator<QueueReport>
{
    public QueueReportValidator()
    {
        RuleFor(x => x.Quarter).MustBeAQuarter();
    }
}

internal sealed record ReportWorkInput(string Quarter, bool Publish);

public sealed class QueueReportHandler(PortfolioDbContext db, IWorkQueue queue, TimeProvider clock, ICurrentUser user) : ICommandHandler<QueueReport, WorkStatus>
{
    public async ValueTask<WorkStatus> Handle(QueueReport request, CancellationToken cancellationToken)
    {
        var quarter = Domain.Quarter.Parse(request.Quarter);
        var work = new BackgroundWork
        {
            Id = Guid.NewGuid(),
            Kind = WorkKind.Report,
            State = WorkState.Queued,
            Title = (request.Publish ? "Publiserer kvartalsrapporten for " : "Lager kvartalsrapporten for ") + quarter.ToDisplayString(),
            Input = JsonSerializer.Serialize(new ReportWorkInput(quarter.ToString(), request.Publish), WorkProjections.Json),
            RequestedBy = user.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        return await work.StoreAndEnqueueAsync(db, queue, cancellationToken);
    }
}
