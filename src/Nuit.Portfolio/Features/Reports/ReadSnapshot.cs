using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Reports;

/// <summary>
/// A read-only transaction, so the many queries behind one report see one state of the database even
/// while an import runs. SQLite's default BEGIN IMMEDIATE would take the write lock for the whole read;
/// a deferred transaction in WAL mode reads a snapshot without blocking writers.
/// </summary>
internal static class ReadSnapshot
{
    public static async Task<IDbContextTransaction?> BeginAsync(PortfolioDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return null;
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            return await db.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), ct);
        }
        return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
    }
}
