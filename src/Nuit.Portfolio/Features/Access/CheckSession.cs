using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Access;

/// <summary>
/// The Version a local user's session must carry to stay valid; null when the account is gone or disabled.
/// Asked on every request with a local sign-in cookie, so it is one lookup on the unique user name index.
/// </summary>
public sealed record CheckSession(string UserName) : IQuery<Guid?>;

public sealed class CheckSessionHandler(PortfolioDbContext db) : IQueryHandler<CheckSession, Guid?>
{
    public async ValueTask<Guid?> Handle(CheckSession query, CancellationToken cancellationToken)
    {
        var name = Passwords.NormalizeName(query.UserName);
        return await db.UserAccounts.AsNoTracking()
            .Where(u => u.UserName == name && !u.Disabled)
            .Select(u => (Guid?)u.Version)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
