using Microsoft.AspNetCore.Authorization;

namespace Nuit.Portfolio.Web.Auth;

/// <summary>Role rules for a whole route group at once, so a route added to it later is covered without remembering to.</summary>
public static class EndpointAccess
{
    /// <summary>Reading the group needs Reader; every route in it that is not GET/HEAD needs Editor.</summary>
    public static RouteGroupBuilder ReadersReadEditorsChange(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Reader);
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            if (methods.Count == 0 || methods.Any(m => m is not ("GET" or "HEAD")))
                endpoint.Metadata.Add(new AuthorizeAttribute(Policies.Editor));
        });
        return group;
    }
}
