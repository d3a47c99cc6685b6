using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Access;

/// <summary>Finding the account an admin acts on, shared by the admin use cases.</summary>
public static class UserAccounts
{
    /// <summary>
    /// The account by name (any case), tracked for change. With <paramref name="expectedVersion"/> older than the row,
    /// saving fails as a concurrency conflict (409 with the current values) even when the edit would change nothing.
    /// </summary>
    internal static async Task<UserAccount> FindForEditAsync(this PortfolioDbContext db, string userName, Guid? expectedVersion, CancellationToken ct)
    {
        var name = Passwords.NormalizeName(userName);
        var user = await db.UserAccounts.FirstOrDefaultAsync(u => u.UserName == name, ct)
            ?? throw new NotFoundException($"Finner ikke brukeren «{name}». Se `nuit users list`.");
        db.ExpectVersion(user, expectedVersion);
        return user;
    }

    /// <summary>An account's state in words, the same on pages, in the CLI and in the audit trail.</summary>
    public static string StateText(bool disabled) => disabled ? "deaktivert" : "aktiv";
}
