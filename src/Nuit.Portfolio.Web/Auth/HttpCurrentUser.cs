using Nuit.Portfolio.Common;

namespace Nuit.Portfolio.Web.Auth;

/// <summary>The signed-in person or token of the current request, as the author of the changes it makes.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string Name => accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "system";

    public string Via => accessor.HttpContext?.Request.Path.StartsWithSegments("/api") == true ? "api" : "web";
}
