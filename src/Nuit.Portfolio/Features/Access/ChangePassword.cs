using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Access;

/// <summary>
/// A user replaces their password (the one-time one after first sign-in, or any time); needs the current one.
/// The account gets a new Version, so other sessions end; the caller re-issues its own session from the result.
/// </summary>
public sealed record ChangePassword(string UserName, string CurrentPassword, string NewPassword) : ICommand<SignedInUser>;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(x => x.NewPassword).MinimumLength(Passwords.MinLength).WithMessage($"Det nye passordet må ha minst {Passwords.MinLength} tegn.")
            .MaximumLength(1000);
        RuleFor(x => x).Must(x => x.NewPassword != x.CurrentPassword).WithName("NewPassword")
            .WithMessage("Det nye passordet må være forskjellig fra det gamle.");
    }
}

public sealed class ChangePasswordHandler(PortfolioDbContext db, AuditTrail audit) : ICommandHandler<ChangePassword, SignedInUser>
{
    public async ValueTask<SignedInUser> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var name = Passwords.NormalizeName(command.UserName);
        var user = await db.UserAccounts.FirstOrDefaultAsync(u => u.UserName == name && !u.Disabled, cancellationToken)
            ?? throw new NotFoundException($"Finner ikke brukeren {name}.");
        if (!Passwords.Verify(user, command.CurrentPassword, out _))
            throw new InputException("passord", "felt CurrentPassword", "det nåværende passordet er feil.");
        user.PasswordHash = Passwords.Hash(user, command.NewPassword);
        user.MustChangePassword = false;
        // The audit says that it changed, never the hash.
        audit.Record(null, $"bruker {name}", "passord", "(tidligere)", "(nytt)");
        await db.SaveChangesAsync(cancellationToken);
        return new SignedInUser(user.UserName, user.Role, user.MustChangePassword, user.Version);
    }
}
