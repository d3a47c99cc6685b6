using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Common;

public enum OutcomeKind
{
    /// <summary>Bad input from a person or a file: they can fix it.</summary>
    BadInput,

    NotFound,

    /// <summary>A stale edit: someone changed it since the version the person saw; nothing was saved.</summary>
    Conflict,

    /// <summary>SQLite stayed locked by another writer, or PostgreSQL could not be reached, through every retry; nothing was saved, try again.</summary>
    Busy,

    /// <summary>The service cannot run as set up: a full or read-only disk, a missing database or data folder.</summary>
    CannotRun,

    /// <summary>A fault nobody foresaw: logged with its trace, never shown with it.</summary>
    Unexpected,
}

/// <summary>One reason on one field (null: the request or form as a whole), as a person reads it.</summary>
public sealed record FieldError(string? Field, string Message);

/// <summary>What a failed request means for whoever sent it: the same in the API, on the pages and in the CLI.</summary>
/// <param name="Message">The whole message in bokmål, with the file, line or field when known.</param>
/// <param name="Errors">The same reasons per field, for forms.</param>
/// <param name="Log">Whether the host logs the exception with its trace (faults and problems the operator must see to).</param>
public sealed record Outcome(OutcomeKind Kind, int HttpStatus, int ExitCode, string Title, string Message, IReadOnlyList<FieldError> Errors, bool Log)
{
    /// <summary>The person's own doing (input, a missing code, a stale form): shown next to the form, not as an error page.</summary>
    public bool IsRefusal => Kind is OutcomeKind.BadInput or OutcomeKind.NotFound or OutcomeKind.Conflict;
}

/// <summary>
/// The one table from exception to outcome (ADR 13): kind, HTTP status, CLI exit code (README: 1 cannot run, 2 bad input,
/// 3 not found, 4 busy, 5 stale) and the bokmål message. The web error handler, the CLI and the pages' form errors all
/// read it; none of them maps exceptions by hand.
/// </summary>
public static class Outcomes
{
    public const int ExitFailed = 1;
    public const int ExitBadInput = 2;
    public const int ExitNotFound = 3;
    public const int ExitBusy = 4;
    public const int ExitConflict = 5;

    /// <summary>The one wording for a stale edit, wherever it was made.</summary>
    public const string StaleEdit = "Noen andre har endret dette etter at du hentet det, så ingenting er lagret. Se gjeldende verdier og prøv igjen.";

    public const string BusyMessage = "Databasen er opptatt akkurat nå fordi noen andre lagrer. Ingenting er lagret; prøv igjen om noen sekunder.";

    public const string UnavailableMessage = "Databasen svarer ikke akkurat nå (den starter kanskje på nytt). Ingenting er lagret; prøv igjen om noen sekunder.";

    public const string UnexpectedMessage = "Noe uventet gikk galt, og det som var i gang er ikke fullført.";

    public static Outcome Of(Exception exception) => exception switch
    {
        ValidationException v => new(OutcomeKind.BadInput, 400, ExitBadInput, "Ugyldig forespørsel",
            string.Join(" ", v.Errors.Select(e => e.ErrorMessage)), [.. v.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage))], false),
        InputException i => new(OutcomeKind.BadInput, 400, ExitBadInput, "Ugyldige data", i.Message, [new FieldError(FieldOf(i.Location), Capitalise(i.Reason))], false),
        NotFoundException n => new(OutcomeKind.NotFound, 404, ExitNotFound, "Finnes ikke", n.Message, [new FieldError(n.Field, n.Message)], false),
        DbUpdateConcurrencyException => new(OutcomeKind.Conflict, 409, ExitConflict, "Endret av en annen", StaleEdit, [new FieldError(null, StaleEdit)], false),
        StartupException s => new(OutcomeKind.CannotRun, 503, ExitFailed, "Kan ikke starte", s.Message, [new FieldError(null, s.Message)], true),
        _ when StorageProblem.Describe(exception) is { } storage => new(OutcomeKind.CannotRun, 503, ExitFailed, "Kan ikke lagre", storage, [new FieldError(null, storage)], true),
        _ when DatabaseUnavailableException.Is(exception) => new(OutcomeKind.Busy, 503, ExitBusy, "Databasen svarer ikke", UnavailableMessage, [new FieldError(null, UnavailableMessage)], false),
        _ when DatabaseBusyException.Is(exception) => new(OutcomeKind.Busy, 503, ExitBusy, "Databasen er opptatt", BusyMessage, [new FieldError(null, BusyMessage)], false),
        _ => new(OutcomeKind.Unexpected, 500, ExitFailed, "Intern feil", UnexpectedMessage, [new FieldError(null, UnexpectedMessage)], true),
    };

    /// <summary>"felt goals[2].code" → "goals[2].code", "periode 2024-Q1" → "period"; a line or a cell names no form field.</summary>
    private static string? FieldOf(string? location) => location switch
    {
        { } l when l.StartsWith("felt ", StringComparison.Ordinal) => l[5..],
        { } l when l.StartsWith("periode ", StringComparison.Ordinal) => "period",
        _ => null,
    };

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
