using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Access;

/// <summary>Every local account by name, without anything about its password but whether it must be changed.</summary>
public sealed record ListUsers : IQuery<IReadOnlyList<UserInfo>>;

/// <summary>A local account as admins see it; <see cref="Version"/> goes back with a change so a stale edit is refused.</summary>
public sealed record UserInfo(string UserName, AccessRole Role, bool Disabled, bool MustChangePassword,
    DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt, Guid Version)
{
    internal static UserInfo From(UserAccount u) =>
        new(u.UserName, u.Role, u.Disabled, u.MustChangePassword, u.CreatedAt, u.LastSignInAt, u.Version);
}

public sealed class ListUsersHandler(PortfolioDbContext db) : IQueryHandler<ListUsers, IReadOnlyList<UserInfo>>
{
    public async ValueTask<IReadOnlyList<UserInfo>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var users = await db.UserAccounts.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return [.. users.Select(UserInfo.From)];
    }
}
