using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Pages.Admin;

/// <summary>API tokens for admins: every token made, a form to make one (shown once, on the answer) and revoke.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TokensModel(ISender sender) : PageModel
{
    public IReadOnlyList<ApiTokenInfo> Tokens { get; private set; } = [];
    public NewApiToken? Created { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await sender.Send(new ListApiTokens(), ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, AccessRole role, CancellationToken ct)
    {
        try
        {
            Created = await sender.Send(new CreateApiToken(role, name), ct);
            // The token is in this response only: keep it out of every cache.
            Response.Headers.CacheControl = "no-store";
        }
        catch (Exception ex) when (FormErrors.Message(ex) is { } reason)
        {
            Response.StatusCode = FormErrors.Status(ex);
            Problem = reason;
        }
        Tokens = await sender.Send(new ListApiTokens(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var revoked = await sender.Send(new RevokeApiToken(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        TempData["Melding"] = $"Token {revoked.Id} «{revoked.Name}» er tilbakekalt og virker ikke lenger.";
        return RedirectToPage();
    }
}
