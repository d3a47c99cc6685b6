using Nuit.Portfolio.Common;

namespace Nuit.Portfolio.Web.Auth;

/// <summary>
/// Reads the signed-in principal once per request and hands it to the scope's <see cref="CurrentUser"/>: the only place
/// the web host decides who makes a change and through which channel. /api is the API; every other path is a page.
/// </summary>
internal static class RequestUser
{
    public static IApplicationBuilder UseRequestUser(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var name = context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } n } ? n : CurrentUser.SystemName;
        var via = context.Request.Path.StartsWithSegments("/api") ? Channels.Api : Channels.Web;
        context.RequestServices.GetRequiredService<CurrentUser>().Set(name, via);
        await next(context);
    });
}
