using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Pages.Account;

/// <summary>Local sign-in with user name and password; a cookie for the pages. Attempts are rate limited.</summary>
[EnableRateLimiting(AuthSetup.SignInRateLimit)]
public sealed class SignInModel(ISender sender, IOptions<AuthOptions> options) : PageModel
{
    public string ReturnUrl { get; private set; } = "/";
    public string? UserName { get; private set; }
    public bool OidcEnabled => options.Value.Oidc.Enabled;

    public void OnGet(string? returnUrl) => ReturnUrl = LocalOrHome(returnUrl);

    public IActionResult OnGetOrganisation(string? returnUrl) => OidcEnabled
        ? Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, AuthSetup.OidcScheme)
        : NotFound();

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl,
        [FromServices] SignInThrottle throttle, CancellationToken ct)
    {
        ReturnUrl = LocalOrHome(returnUrl);
        UserName = userName;
        if (!throttle.TryAttempt(HttpContext, userName ?? ""))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", "For mange forsøk. Vent et minutt og prøv igjen.");
            return Page();
        }
        var user = string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) ? null : await sender.Send(new SignIn(userName, password), ct);
        if (user is null)
        {
            // One message for both: which of name and password was wrong would help someone guessing.
            ModelState.AddModelError("", "Feil brukernavn eller passord.");
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, LocalSession.Principal(user));
        return LocalRedirect(user.MustChangePassword ? PasswordChangeGate.PasswordPage : ReturnUrl);
    }

    private string LocalOrHome(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
