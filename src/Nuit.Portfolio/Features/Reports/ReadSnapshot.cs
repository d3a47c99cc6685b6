using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Reports;

/// <summary>
/// A read-only transaction, so the many queries behind one report see one state of the database even
/// while an import runs. SQLite's default BEGIN IMMEDIATE would take the write lock for the whole read;
/// a deferred transaction in WAL mode reads a snapshot without blocking writers.
/// </summary>
internal sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly PortfolioDbContext _db;
    private readonly DbTransaction? _transaction;

    private ReadSnapshot(PortfolioDbContext db, DbTransaction? transaction)
    {
        _db = db;
        _transaction = transaction;
    }

    public static async Task<ReadSnapshot> BeginAsync(PortfolioDbContext db, CancellationToken ct)
    {
        // Inside someone else's transaction the snapshot is theirs already.
        if (db.Database.CurrentTransaction is not null) return new ReadSnapshot(db, null);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        DbTransaction transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await db.Database.UseTransactionAsync(transaction, ct);
        return new ReadSnapshot(db, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is null) return;
        // EF does not own a transaction handed to UseTransaction: end it here, or the connection keeps it.
        await _db.Database.UseTransactionAsync(null);
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _db.Database.CloseConnectionAsync();
    }
}
