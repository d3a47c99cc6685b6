using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;

namespace Nuit.Portfolio.Web;

/// <summary>
/// Turns the library's exceptions into problem responses: bad input 400 with the field, missing 404,
/// a stale edit 409; anything else 500 without internals (the details go to the log only).
/// </summary>
internal sealed class ErrorHandler(IProblemDetailsService problems, ILogger<ErrorHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            ValidationException v => (400, "Ugyldig forespørsel", string.Join(" ", v.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))),
            InputException i => (400, "Ugyldige data", i.Message),
            NotFoundException n => (404, "Finnes ikke", n.Message),
            DbUpdateConcurrencyException => (409, "Endret av en annen", "Noen andre har endret dette siden du hentet det. Hent gjeldende verdier og prøv igjen."),
            _ => (500, "Intern feil", "Noe gikk galt. Feilen er logget."),
        };
        if (status == 500) log.LogError(exception, "Ubehandlet feil på {Path}", context.Request.Path);

        context.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (exception is ValidationException ve)
            problem.Extensions["errors"] = ve.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
