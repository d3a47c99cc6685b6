using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Access;

/// <summary>
/// On first start (no local account yet) creates <c>admin</c>. With a configured password (tests, automated
/// installs) that one is used as it is; otherwise a one-time password is generated, returned to be shown once,
/// and must be changed at first sign-in. Returns null when accounts already exist.
/// </summary>
public sealed record EnsureInitialAdmin(string? Password) : ICommand<NewUser?>;

public sealed class EnsureInitialAdminHandler(PortfolioDbContext db, AuditTrail audit, TimeProvider clock) : ICommandHandler<EnsureInitialAdmin, NewUser?>
{
    public const string AdminName = "admin";

    public async ValueTask<NewUser?> Handle(EnsureInitialAdmin command, CancellationToken cancellationToken)
    {
        if (await db.UserAccounts.AnyAsync(cancellationToken)) return null;
        return await AddUserHandler.CreateAsync(db, audit, clock, new AddUser(AdminName, AccessRole.Admin, string.IsNullOrEmpty(command.Password) ? null : command.Password), cancellationToken);
    }
}
