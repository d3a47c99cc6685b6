using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Access;

/// <summary>Checks a local user name and password. Null when either is wrong: the caller must not say which.</summary>
public sealed record SignIn(string UserName, string Password) : ICommand<SignedInUser?>;

public sealed record SignedInUser(string UserName, AccessRole Role, bool MustChangePassword);

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
        var user = await db.UserAccounts.FirstOrDefaultAsync(u => u.UserName == name && !u.Disabled, cancellationToken);
        if (user is null || !Passwords.Verify(user, command.Password, out var rehash)) return null;
        if (rehash) user.PasswordHash = Passwords.Hash(user, command.Password);
        user.LastSignInAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new SignedInUser(user.UserName, user.Role, user.MustChangePassword);
    }
}
