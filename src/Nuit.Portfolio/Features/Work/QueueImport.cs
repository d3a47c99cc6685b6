using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings;

namespace Nuit.Portfolio.Features.Work;

/// <summary>
/// Starts reading a meeting document in the background: a preview (dry run) of what it would create, the import itself
/// (<see cref="DryRun"/> false), or, with <see cref="ConfirmPreview"/>, the import of the file an earlier preview read. The file is kept on the work
/// row, in the database, so the confirm step works whichever instance answers it.
/// </summary>
public sealed record QueueImport(string FileName, byte[]? Content, bool DryRun = true, Guid? ConfirmPreview = null)
    : ICommand<WorkStatus>, IOwnsTransaction
{
    /// <summary>The meeting ("2/2019") and date a damaged document does not name (see <see cref="ImportDocument.Meeting"/>).</summary>
    public string? Meeting { get; init; }

    public DateOnly? MeetingDate { get; init; }
}

/// <summary>What the import work row keeps beside the file: the meeting and date the person gave, if any.</summary>
internal sealed record ImportWorkInput(string? Meeting, DateOnly? Date);

public sealed class QueueImportValidator : AbstractValidator<QueueImport>
{
    public QueueImportValidator()
    {
        RuleFor(x => x.FileName).NotEmpty().WithMessage("Filnavnet mangler.").MaximumLength(260);
        RuleFor(x => x.Content).NotEmpty().When(x => x.ConfirmPreview is null)
            .WithMessage("Velg en fil med innkalling, toppnotat eller referat (tekst eller PDF).");
        RuleFor(x => x.Meeting).MustBeAMeetingNumber();
    }
}

public sealed class QueueImportHandler(PortfolioDbContext db, IWorkQueue queue, TimeProvider clock, ICurrentUser user) : ICommandHandler<QueueImport, WorkStatus>
{
    public async ValueTask<WorkStatus> Handle(QueueImport request, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(request.FileName);
        var content = request.Content;
        var input = JsonSerializer.Serialize(new ImportWorkInput(request.Meeting, request.MeetingDate), WorkProjections.Json);
        if (request.ConfirmPreview is { } previewId)
        {
            var preview = await db.BackgroundWork.FirstOrDefaultAsync(w => w.Id == previewId && w.Kind == WorkKind.ImportPreview, cancellationToken);
            if (preview is not { State: WorkState.Succeeded, Payload: not null })
                throw new InputException(fileName, null, "Forhåndsvisningen er utløpt eller finnes ikke. Last opp filen på nytt.");
            content = preview.Payload;
            fileName = preview.FileName ?? fileName;
            // The meeting and date the person gave for the preview hold for the import of the same file.
            input = preview.Input;
            // The file moves to the import; the preview keeps its result for the page but no longer the bytes.
            preview.Payload = null;
        }
        var dryRun = request.DryRun && request.ConfirmPreview is null;
        var work = new BackgroundWork
        {
            Id = Guid.NewGuid(),
            Kind = dryRun ? WorkKind.ImportPreview : WorkKind.Import,
            State = WorkState.Queued,
            Title = (dryRun ? "Leser " : "Importerer ") + fileName,
            Input = input,
            Payload = content,
            FileName = fileName,
            RequestedBy = user.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        return await work.StoreAndEnqueueAsync(db, queue, cancellationToken);
    }
}
