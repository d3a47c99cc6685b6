using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Files.Workbooks;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Pages.Indicators;

/// <summary>
/// Indicator workbook in: upload → preview (the dry run: what would change, or the first bad cell) → confirm,
/// which imports for real. The bytes wait in <see cref="PendingUploads"/> between the two steps, as on /import.
/// </summary>
[Authorize(Policy = Policies.Editor)]
[RequestSizeLimit(WorkbookFileGuard.MaxFileBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = WorkbookFileGuard.MaxFileBytes + 1024 * 1024)]
public sealed class IndicatorImportModel(ISender sender, PendingUploads uploads) : PageModel
{
    public const string Field = "workbook";

    public IndicatorImportReport? Preview { get; private set; }
    public IndicatorImportReport? Result { get; private set; }
    public string? Token { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? workbook, CancellationToken ct)
    {
        if (workbook is null || workbook.Length == 0)
            return Refuse("Velg en arbeidsbok (.xlsx) eksportert fra indikatorsiden.");
        if (workbook.Length > WorkbookFileGuard.MaxFileBytes)
            return Refuse(FileSizes.TooLarge(workbook.Length, WorkbookFileGuard.MaxFileBytes));
        using var buffer = new MemoryStream();
        await workbook.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        try
        {
            Preview = await sender.Send(new ImportIndicatorValues(content, workbook.FileName, DryRun: true), ct);
        }
        catch (Exception ex) when (Outcomes.Of(ex) is { IsRefusal: true } outcome)
        {
            return Refuse(outcome.Message);
        }
        // Only a workbook that would import is kept for the confirmation.
        if (Preview.Changes.Count > 0) Token = await uploads.SaveAsync(content, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string token, string fileName, CancellationToken ct)
    {
        var content = await uploads.LoadAsync(token, ct);
        if (content is null) return Refuse("Forhåndsvisningen er utløpt. Last opp arbeidsboken på nytt.");
        try
        {
            Result = await sender.Send(new ImportIndicatorValues(content, fileName, DryRun: false), ct);
        }
        catch (Exception ex) when (Outcomes.Of(ex) is { IsRefusal: true } outcome)
        {
            // The data changed since the preview so that the workbook no longer fits; nothing was saved.
            return Refuse(outcome.Message);
        }
        uploads.Remove(token);
        return Page();
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(Field, message);
        return Page();
    }

    /// <summary>Changes carry numbers as in files (12.5); the page shows them as people here write them (12,5).</summary>
    public static string Show(IndicatorChange change, string? text) =>
        text is null ? "–"
        : change.Field is "verdi" or "målverdi" && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? Format.Number(n)
        : text;
}
