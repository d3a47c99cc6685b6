using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Pages.Actions;

/// <summary>
/// One action point with its follow-ups and history. Editors also get the forms: owners, due date, status and note;
/// close with a later case or a note; reopen; confirm or reject a suggested follow-up (confirming offers to close).
/// Every form carries the version the page showed, so an edit made on stale data is refused with the one wording.
/// </summary>
public sealed class ActionModel(ISender sender, IAuthorizationService authorization) : PageModel
{
    public ActionPointDetail Detail { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    [BindProperty] public ActionPointForm Input { get; set; } = new();

    /// <summary>After a confirmed follow-up: the case the close form offers as evidence.</summary>
    [BindProperty(SupportsGet = true, Name = "lukk")] public string? OfferClose { get; set; }

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var a = Detail.ActionPoint;
        Input = new ActionPointForm
        {
            Owners = string.Join(", ", a.Owners), Due = a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), HadDue = a.Due is not null, Status = a.Status,
            Note = a.Note, Case = OfferClose ?? a.ClosedByCase, Version = a.Version,
        };
    }

    public Task<IActionResult> OnPostSetAsync(int id, CancellationToken ct) =>
        SaveAsync(id, () => new EditActionPoint(id)
        {
            Owners = (Input.Owners ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Due = Input.Due is { Length: > 0 } due && DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
            // The form shows the whole action point: a date field emptied by the person removes the date it showed.
            ClearDue = string.IsNullOrWhiteSpace(Input.Due) && Input.HadDue,
            Status = Input.Status,
            Note = Input.Note ?? "",
            ExpectedVersion = Input.Version,
        }, "er endret", ct);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        SaveAsync(id, () => new EditActionPoint(id)
        {
            Status = "closed",
            ClosedByCase = string.IsNullOrWhiteSpace(Input.Case) ? null : Input.Case.Trim(),
            Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim(),
            ExpectedVersion = Input.Version,
        }, "er lukket", ct);

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct) =>
        SaveAsync(id, () => new EditActionPoint(id) { Status = "open", ExpectedVersion = Input.Version }, "er åpnet igjen", ct);

    /// <summary>Confirm or reject a suggested follow-up; a confirmed one comes back with the close form filled with its case.</summary>
    public async Task<IActionResult> OnPostFollowUpAsync(int id, string followUpCase, string decision, Guid? followUpVersion, CancellationToken ct)
    {
        var confirm = decision != "reject";
        try
        {
            await sender.Send(new DecideFollowUp(id, followUpCase, confirm) { ExpectedVersion = followUpVersion }, ct);
        }
        catch (Exception ex) when (FormErrors.Message(ex) is { } reason)
        {
            TempData["Melding"] = $"{followUpCase}: {reason}";
            return Redirect($"/actions/{id}");
        }
        if (!confirm)
        {
            TempData["Melding"] = $"{followUpCase} er avvist som oppfølging; den foreslås ikke igjen.";
            return Redirect($"/actions/{id}");
        }
        TempData["Melding"] = $"{followUpCase} er bekreftet som oppfølging. Vil du lukke aksjonspunktet med {followUpCase} som belegg? Bruk «Lukk» nedenfor.";
        return Redirect($"/actions/{id}?lukk={Uri.EscapeDataString(followUpCase)}#lukk");
    }

    private async Task<IActionResult> SaveAsync(int id, Func<EditActionPoint> command, string done, CancellationToken ct)
    {
        try
        {
            var result = await sender.Send(command(), ct);
            TempData["Melding"] = $"Aksjonspunkt {result.Id} {done}.";
            return Redirect($"/actions/{id}");
        }
        catch (Exception ex) when (FormErrors.TryAdd(ModelState, ex, nameof(Input), formKey: "", formFields:
            [nameof(ActionPointForm.Owners), nameof(ActionPointForm.Due), nameof(ActionPointForm.Status), nameof(ActionPointForm.Note)]))
        {
            // What the person typed stays; the page shows what is stored now, and answers with the refusal's status.
            Response.StatusCode = FormErrors.Status(ex);
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        Detail = await sender.Send(new GetActionPoint(id), ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
    }
}

/// <summary>The fields of the action point's forms; empty ones reach the feature's validator.</summary>
public sealed class ActionPointForm
{
    public string? Owners { get; set; }
    public string? Due { get; set; }

    /// <summary>The page showed a due date: an empty field then means "no due date" rather than "unchanged".</summary>
    public bool HadDue { get; set; }
    public string? Status { get; set; }
    public string? Note { get; set; }

    /// <summary>The later case that closed it ("NUIT 5/25").</summary>
    public string? Case { get; set; }

    /// <summary>The version the page showed.</summary>
    public Guid Version { get; set; }
}
