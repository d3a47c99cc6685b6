using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Pages.Account;

/// <summary>A local user changes their password; after a one-time password this is the only page open to them.</summary>
[Authorize]
public sealed class PasswordModel(ISender sender) : PageModel
{
    public bool MustChange => User.HasClaim(c => c.Type == AuthSetup.MustChangePasswordClaim);

    public IActionResult OnGet() => User.Identity?.AuthenticationType == LocalSession.AuthenticationType ? Page() : NotFound();

    /// <param name="repeatPassword">The form always sends it; a client posting without it (scripts, older forms) is not held to it.</param>
    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? repeatPassword, CancellationToken ct)
    {
        if (User.Identity?.AuthenticationType != LocalSession.AuthenticationType) return NotFound();
        if (repeatPassword is not null && repeatPassword != newPassword)
        {
            ModelState.AddModelError("", "«Nytt passord» og «Gjenta nytt passord» er ulike. Passordet er ikke byttet; skriv det samme nye passordet i begge feltene.");
            return Page();
        }
        var name = User.Identity.Name!;
        SignedInUser changed;
        try
        {
            changed = await sender.Send(new ChangePassword(name, currentPassword ?? "", newPassword ?? ""), ct);
        }
        catch (Exception ex) when (FormErrors.Message(ex) is { } reason)
        {
            ModelState.AddModelError("", reason);
            return Page();
        }
        // The change gave the account a new Version; a fresh cookie keeps this session (and only this one) signed in.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, LocalSession.Principal(changed));
        TempData["Melding"] = "Passordet er byttet.";
        return LocalRedirect("/");
    }
}
