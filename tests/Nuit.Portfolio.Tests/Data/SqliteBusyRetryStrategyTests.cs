using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Tests.Data;

public sealed class SqliteBusyRetryStrategyTests
{
    private static SqliteException Sqlite(int code, int extended = 0) => new("SQLite Error", code, extended == 0 ? code : extended);

    [Theory]
    [InlineData(5)] // SQLITE_BUSY: "database is locked"
    [InlineData(6)] // SQLITE_LOCKED: a table locked within the same file
    public void Busy_and_locked_are_transient_also_when_EF_wraps_them(int code)
    {
        Assert.True(SqliteBusyRetryStrategy.IsTransient(Sqlite(code)));
        Assert.True(SqliteBusyRetryStrategy.IsTransient(new DbUpdateException("lagring feilet", Sqlite(code))));
        Assert.True(SqliteBusyRetryStrategy.IsTransient(new InvalidOperationException("spørring feilet", Sqlite(code))));
        Assert.True(DatabaseBusyException.Is(new DatabaseBusyException(Sqlite(code))));
    }

    [Fact]
    public void Constraint_conflict_and_other_errors_are_not_retried()
    {
        Assert.False(SqliteBusyRetryStrategy.IsTransient(Sqlite(19, 2067))); // unique violation: a real conflict
        Assert.False(SqliteBusyRetryStrategy.IsTransient(new DbUpdateException("lagring feilet", Sqlite(19, 2067))));
        Assert.False(SqliteBusyRetryStrategy.IsTransient(new DbUpdateConcurrencyException("endret av en annen")));
        Assert.False(SqliteBusyRetryStrategy.IsTransient(Sqlite(11))); // SQLITE_CORRUPT
        Assert.False(SqliteBusyRetryStrategy.IsTransient(new InvalidOperationException("noe annet")));
        Assert.False(SqliteBusyRetryStrategy.IsTransient(new IOException("disken er full", Sqlite(5))));
    }
}
