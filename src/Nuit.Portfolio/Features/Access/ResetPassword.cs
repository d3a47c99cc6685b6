using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Access;

/// <summary>
/// An admin gives a local account a new one-time password (returned once, never stored in clear); the user must
/// choose their own at the next sign-in, and any session they have ends at its next request.
/// </summary>
public sealed record ResetPassword(string UserName, Guid? ExpectedVersion = null) : ICommand<NewUser>;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator() =>
        RuleFor(x => x.UserName).NotEmpty().WithMessage("Oppgi et brukernavn.").MaximumLength(100);
}

public sealed class ResetPasswordHandler(PortfolioDbContext db, AuditTrail audit) : ICommandHandler<ResetPassword, NewUser>
{
    public async ValueTask<NewUser> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        var user = await db.FindForEditAsync(command.UserName, command.ExpectedVersion, cancellationToken);
        var oneTime = Passwords.OneTime();
        user.PasswordHash = Passwords.Hash(user, oneTime);
        user.MustChangePassword = true;
        // The audit says that it was reset, never the password or its hash.
        audit.Record(null, $"bruker {user.UserName}", "passord", "(tidligere)", "(engangspassord)");
        await db.SaveChangesAsync(cancellationToken);
        return new NewUser(user.UserName, user.Role, oneTime);
    }
}
