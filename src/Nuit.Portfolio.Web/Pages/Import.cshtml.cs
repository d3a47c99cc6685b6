using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Features.Meetings.Parsing;
using Nuit.Portfolio.Features.Work;
using Nuit.Portfolio.Web.Endpoints;

namespace Nuit.Portfolio.Web.Pages;

/// <summary>
/// Upload → preview of what will be created or changed (a dry run) → confirm, which imports for real. Both steps run in
/// the background with a progress page (a long PDF takes a while); the uploaded file waits on the work row in the
/// database between the steps, so any instance can take the confirm.
/// </summary>
[RequestSizeLimit(DocumentReader.DefaultMaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentReader.DefaultMaxBytes + 1024 * 1024)]
public sealed class ImportModel(ISender sender, IOptions<WorkOptions> work) : PageModel
{
    public ImportReport? Preview { get; private set; }
    public ImportReport? Result { get; private set; }

    /// <summary>The preview work that the confirm button imports.</summary>
    public Guid? PreviewWork { get; private set; }
    public string? FileName { get; private set; }

    /// <summary>Documents being read or imported now (by anyone), with links to their progress.</summary>
    public IReadOnlyList<WorkStatus> InProgress { get; private set; } = [];

    public async Task OnGetAsync(Guid? forhandsvisning, Guid? resultat, CancellationToken ct)
    {
        InProgress = await sender.Send(new ListWork([WorkKind.ImportPreview, WorkKind.Import]), ct);
        if ((forhandsvisning ?? resultat) is not { } id) return;
        var found = await sender.Send(new GetImportWork(id), ct);
        FileName = found.FileName;
        if (found.Status.State == "failed") ModelState.AddModelError("document", found.Status.Message ?? "Importen feilet.");
        else if (resultat is not null) Result = found.Report;
        else if (found.CanConfirm)
        {
            Preview = found.Report;
            PreviewWork = id;
        }
        else if (found.Status.Finished) ModelState.AddModelError("document", "Forhåndsvisningen er allerede importert eller utløpt. Last opp filen på nytt.");
    }

    /// <param name="meeting">The meeting ("2/2019") when the document's head is damaged; only fills what the document lacks.</param>
    /// <param name="date">The meeting's date when the document has none that can be read.</param>
    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? document, string? meeting, DateOnly? date, CancellationToken ct)
    {
        if (document is null)
        {
            ModelState.AddModelError("document", "Velg en fil med innkalling, toppnotat eller referat (tekst, PDF eller Word).");
            return Page();
        }
        if (document.Length == 0)
        {
            ModelState.AddModelError("document", $"Filen {document.FileName} er tom; ingenting er lagret. Velg filen på nytt, eller en annen.");
            return Page();
        }
        using var buffer = new MemoryStream();
        await document.CopyToAsync(buffer, ct);
        try
        {
            return await StartAsync(new QueueImport(document.FileName, buffer.ToArray()) { Meeting = meeting, MeetingDate = date }, ct);
        }
        catch (Exception ex) when (FormErrors.TryAdd(ModelState, ex, formKey: "document"))
        {
            return Page();
        }
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid work, CancellationToken ct)
    {
        try
        {
            return await StartAsync(new QueueImport("dokument", null, ConfirmPreview: work), ct);
        }
        catch (Exception ex) when (FormErrors.TryAdd(ModelState, ex, formKey: "document"))
        {
            return Page();
        }
    }

    private async Task<IActionResult> StartAsync(QueueImport request, CancellationToken ct)
    {
        var started = await sender.Send(request, ct);
        return LocalRedirect(WorkWait.NextUrl(await WorkWait.ForAsync(sender, started, work.Value.PageWait, ct)));
    }

    public static string StatusText(string status) => status switch
    {
        "created" => "opprettes",
        "updated" => "oppdateres",
        _ => "uendret",
    };
}
