namespace Nuit.Portfolio.Web.Auth;

/// <summary>
/// Someone signed in with a one-time password may do nothing but choose a new one: pages send them to the
/// password page and the API refuses with 403 until they have.
/// </summary>
internal static class PasswordChangeGate
{
    public const string PasswordPage = "/account/password";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(c => c.Type == AuthSetup.MustChangePasswordClaim)
            && !context.Request.Path.StartsWithSegments("/account") && !context.Request.Path.StartsWithSegments("/health"))
        {
            if (AuthSetup.IsApi(context.Request)) await AuthSetup.Forbidden(context);
            else context.Response.Redirect(PasswordPage);
            return;
        }
        await next(context);
    });
}
