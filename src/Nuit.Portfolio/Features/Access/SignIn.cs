using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Access;

/// <summary>Checks a local user name and password. Null when either is wrong: the caller must not say which.</summary>
public sealed record SignIn(string UserName, string Password) : ICommand<SignedInUser?>;

/// <summary>Who signed in; <see cref="Version"/> goes into the session, which ends when an admin changes the account.</summary>
public sealed record SignedInUser(string UserName, AccessRole Role, bool MustChangePassword, Guid Version);

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage("Oppgi brukernavn.").MaximumLength(100);
        RuleFor(x => x.Password).NotEmpty().WithMessage("Oppgi passord.").MaximumLength(1000);
    }
}

public sealed class SignInHandler(PortfolioDbContext db, TimeProvider clock) : ICommandHandler<SignIn, SignedInUser?>
{
    public async ValueTask<SignedInUser?> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var name = Passwords.NormalizeName(command.UserName);
        var user = await db.UserAccounts.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name && !u.Disabled, cancellationToken);
        if (user is null || !Passwords.Verify(user, command.Password, out var rehash)) return null;
        var hash = rehash ? Passwords.Hash(user, command.Password) : user.PasswordHash;
        var now = clock.GetUtcNow();
        // Written past the change tracker on purpose: a tracked save would give the row a new Version, and that
        // would end the same user's sessions in other browsers (see CheckSession).
        await db.UserAccounts.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now).SetProperty(u => u.PasswordHash, hash), cancellationToken);
        return new SignedInUser(user.UserName, user.Role, user.MustChangePassword, user.Version);
    }
}
