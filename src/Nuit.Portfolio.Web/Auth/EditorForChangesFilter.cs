using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nuit.Portfolio.Web.Auth;

/// <summary>
/// Razor Pages authorise per page, not per handler: a Reader may open an item's page but not post its confirm
/// button. Every POST to a page outside /Account therefore needs Editor (pages that need more say so themselves).
/// </summary>
internal sealed class EditorForChangesFilter(IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !context.ActionDescriptor.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal)
            && !(await authorization.AuthorizeAsync(http.User, Policies.Editor)).Succeeded)
        {
            context.Result = new ForbidResult();
            return;
        }
        await next();
    }
}
