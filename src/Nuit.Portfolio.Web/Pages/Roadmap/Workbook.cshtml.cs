using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Roadmap;
using Nuit.Portfolio.Files.Workbooks;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Pages.Roadmap;

/// <summary>
/// The roadmap as a workbook: download it for initiative owners, and read an edited copy back the way the
/// import page reads meeting documents: upload → preview (a dry run that names the refused cell) → confirm.
/// </summary>
[RequestSizeLimit(WorkbookFileGuard.MaxFileBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = WorkbookFileGuard.MaxFileBytes + 1024 * 1024)]
public sealed class WorkbookModel(ISender sender, PendingUploads uploads, IAuthorizationService authorization) : PageModel
{
    public bool CanEdit { get; private set; }
    public RoadmapImportReport? Preview { get; private set; }
    public RoadmapImportReport? Result { get; private set; }
    public string? Token { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
        await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? workbook, CancellationToken ct)
    {
        if (workbook is null || workbook.Length == 0)
        {
            ModelState.AddModelError("workbook", "Velg en arbeidsbok (.xlsx) med veikartet.");
            return Page();
        }
        using var buffer = new MemoryStream();
        await workbook.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        Preview = await ImportAsync(content, workbook.FileName, dryRun: true, ct);
        if (Preview is not null) Token = await uploads.SaveAsync(content, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string token, string fileName, CancellationToken ct)
    {
        var content = await uploads.LoadAsync(token, ct);
        if (content is null)
        {
            ModelState.AddModelError("workbook", "Forhåndsvisningen er utløpt. Last opp arbeidsboken på nytt.");
            return Page();
        }
        Result = await ImportAsync(content, fileName, dryRun: false, ct);
        if (Result is not null) uploads.Remove(token);
        return Page();
    }

    /// <summary>A refused workbook is shown by the file field, with the sheet and cell the import names ("Tiltak!D7").</summary>
    private async Task<RoadmapImportReport?> ImportAsync(byte[] content, string fileName, bool dryRun, CancellationToken ct)
    {
        try
        {
            return await sender.Send(new ImportRoadmap(content, fileName, dryRun), ct);
        }
        catch (Exception ex) when (Outcomes.Of(ex) is { IsRefusal: true } outcome)
        {
            // The whole message: it names the sheet and cell ("Tiltak!D7").
            ModelState.AddModelError("workbook", outcome.Message);
        }
        return null;
    }
}
