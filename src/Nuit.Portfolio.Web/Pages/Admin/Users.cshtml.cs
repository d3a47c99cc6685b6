using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Pages.Admin;

/// <summary>
/// Local users for admins: add one, change a role, disable or enable, reset a password. Each form carries the
/// version it was shown with, so a change made on a stale page is refused and the current values are shown.
/// A one-time password is shown only on the page that answers the post, never stored or redirected.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(ISender sender) : PageModel
{
    public IReadOnlyList<UserInfo> Users { get; private set; } = [];

    /// <summary>A new one-time password to show once (after adding a user or resetting a password).</summary>
    public NewUser? OneTime { get; private set; }

    /// <summary>Why the last change was refused, and for which user's row (null: the add form).</summary>
    public string? Problem { get; private set; }
    public string? ProblemUser { get; private set; }

    /// <summary>True when the refusal belongs to no row on the page (the add form, or a user no longer there).</summary>
    public bool ProblemAtTop => Problem is not null && !Users.Any(u => u.UserName == ProblemUser);

    /// <summary>Roles in words on screen; forms post the role's name (Reader, Editor, Admin) as the API does.</summary>
    public static string RoleName(AccessRole role) => role switch
    {
        AccessRole.Admin => "Administrator",
        AccessRole.Editor => "Redaktør",
        _ => "Leser",
    };

    public async Task OnGetAsync(CancellationToken ct) => Users = await sender.Send(new ListUsers(), ct);

    public Task<IActionResult> OnPostAddAsync(string? userName, AccessRole role, CancellationToken ct) =>
        ShowOnceAsync(null, () => sender.Send(new AddUser(userName ?? "", role), ct), ct);

    public Task<IActionResult> OnPostResetAsync(string userName, Guid version, CancellationToken ct) =>
        ShowOnceAsync(userName, () => sender.Send(new ResetPassword(userName, version), ct), ct);

    public Task<IActionResult> OnPostRoleAsync(string userName, AccessRole role, Guid version, CancellationToken ct) =>
        ChangeAsync(userName, new ChangeUser(userName, Role: role, ExpectedVersion: version), ct);

    public Task<IActionResult> OnPostStateAsync(string userName, bool disabled, Guid version, CancellationToken ct) =>
        ChangeAsync(userName, new ChangeUser(userName, Disabled: disabled, ExpectedVersion: version), ct);

    private async Task<IActionResult> ChangeAsync(string userName, ChangeUser change, CancellationToken ct)
    {
        if (await TryAsync(userName, () => sender.Send(change, ct)) is not { } user) return await RefusedAsync(ct);
        TempData["Melding"] = $"Bruker {user.UserName} har nå rollen {RoleName(user.Role).ToLowerInvariant()} og er {UserAccounts.StateText(user.Disabled)}.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowOnceAsync(string? userName, Func<ValueTask<NewUser>> send, CancellationToken ct)
    {
        OneTime = await TryAsync(userName, send);
        if (OneTime is null) return await RefusedAsync(ct);
        // The password is in this response only: keep it out of every cache.
        Response.Headers.CacheControl = "no-store";
        Users = await sender.Send(new ListUsers(), ct);
        return Page();
    }

    /// <summary>Runs a change; a refusal (bad input, a stale form) becomes <see cref="Problem"/> for the row it came from.</summary>
    private async Task<T?> TryAsync<T>(string? userName, Func<ValueTask<T>> send) where T : class
    {
        ProblemUser = userName;
        try
        {
            return await send();
        }
        catch (Exception ex) when (FormErrors.Message(ex) is { } reason)
        {
            // The row then shows the current values, so a stale change can be made again knowingly.
            Response.StatusCode = FormErrors.Status(ex);
            Problem = reason;
        }
        return null;
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken ct)
    {
        if (Response.StatusCode == StatusCodes.Status200OK) Response.StatusCode = StatusCodes.Status400BadRequest;
        Users = await sender.Send(new ListUsers(), ct);
        return Page();
    }
}
