using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Access;

/// <summary>
/// Adds a local account. Without a password a one-time password is generated and returned (shown once);
/// the user must choose a new one at first sign-in.
/// </summary>
public sealed record AddUser(string UserName, AccessRole Role, string? Password = null) : ICommand<NewUser>;

public sealed record NewUser(string UserName, AccessRole Role, string? OneTimePassword);

public sealed class AddUserValidator : AbstractValidator<AddUser>
{
    public AddUserValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage("Oppgi et brukernavn.").MaximumLength(100)
            .Matches("^[A-Za-z0-9._@-]+$").WithMessage("Brukernavnet kan bare ha bokstaver a–z, tall og . _ @ -.");
        RuleFor(x => x.Role).IsInEnum().WithMessage("Rollen må være reader, editor eller admin.");
        RuleFor(x => x.Password).MinimumLength(Passwords.MinLength)
            .WithMessage($"Passordet må ha minst {Passwords.MinLength} tegn.");
    }
}

public sealed class AddUserHandler(PortfolioDbContext db, AuditTrail audit, TimeProvider clock) : ICommandHandler<AddUser, NewUser>
{
    public ValueTask<NewUser> Handle(AddUser command, CancellationToken cancellationToken) =>
        CreateAsync(db, audit, clock, command, cancellationToken);

    /// <summary>Adds and saves the account with its audit entry; shared with <see cref="EnsureInitialAdmin"/> (no mediator inside a handler).</summary>
    internal static async ValueTask<NewUser> CreateAsync(PortfolioDbContext db, AuditTrail audit, TimeProvider clock, AddUser command, CancellationToken cancellationToken)
    {
        var name = Passwords.NormalizeName(command.UserName);
        if (await db.UserAccounts.AnyAsync(u => u.UserName == name, cancellationToken))
            throw new InputException("brukere", $"brukernavn «{name}»", "det finnes allerede en bruker med dette navnet.");

        var oneTime = command.Password is null ? Passwords.OneTime() : null;
        var user = new UserAccount { UserName = name, Role = command.Role, PasswordHash = "", MustChangePassword = oneTime is not null, CreatedAt = clock.GetUtcNow() };
        user.PasswordHash = Passwords.Hash(user, command.Password ?? oneTime!);
        db.UserAccounts.Add(user);
        audit.Record(null, $"bruker {name}", "rolle", null, command.Role.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new NewUser(name, command.Role, oneTime);
    }
}
