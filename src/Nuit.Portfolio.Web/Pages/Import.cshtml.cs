using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Features.Meetings.Parsing;

namespace Nuit.Portfolio.Web.Pages;

/// <summary>Upload → preview of what will be created or changed (a dry run) → confirm, which imports for real.</summary>
[RequestSizeLimit(DocumentReader.DefaultMaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentReader.DefaultMaxBytes + 1024 * 1024)]
public sealed class ImportModel(ISender sender, PendingUploads uploads) : PageModel
{
    public ImportReport? Preview { get; private set; }
    public ImportReport? Result { get; private set; }
    public string? Token { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? document, CancellationToken ct)
    {
        if (document is null || document.Length == 0)
        {
            ModelState.AddModelError("document", "Velg en fil med innkalling, toppnotat eller referat (tekst eller PDF).");
            return Page();
        }
        using var buffer = new MemoryStream();
        await document.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        try
        {
            Preview = await sender.Send(new ImportDocument(document.FileName, content, Who, DryRun: true), ct);
        }
        catch (InputException ex)
        {
            ModelState.AddModelError("document", ex.Message);
            return Page();
        }
        Token = await uploads.SaveAsync(content, ct);
        FileName = Path.GetFileName(document.FileName);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string token, string fileName, CancellationToken ct)
    {
        var content = await uploads.LoadAsync(token, ct);
        if (content is null)
        {
            ModelState.AddModelError("document", "Forhåndsvisningen er utløpt. Last opp filen på nytt.");
            return Page();
        }
        try
        {
            Result = await sender.Send(new ImportDocument(fileName, content, Who), ct);
        }
        catch (InputException ex)
        {
            ModelState.AddModelError("document", ex.Message);
            return Page();
        }
        uploads.Remove(token);
        return Page();
    }

    private string Who => User.Identity?.Name ?? "nettleser";

    public static string StatusText(string status) => status switch
    {
        "created" => "opprettes",
        "updated" => "oppdateres",
        _ => "uendret",
    };
}
