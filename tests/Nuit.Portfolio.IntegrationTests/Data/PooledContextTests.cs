using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Data;

/// <summary>
/// The host's DbContexts are pooled (issue 18): a context goes from one request to the next, so nothing one request left
/// in it — an open connection (the search index opens its own), a transaction, tracked rows, a tracking switch — may
/// reach the next.
/// </summary>
public sealed class PooledContextTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pooled_context_reaches_the_next_request_with_nothing_the_last_one_left_in_it()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath, seed: false);
        PortfolioDbContext used;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            used = scope.ServiceProvider.GetRequiredService<PortfolioDbContext>();
            await used.Database.OpenConnectionAsync(Ct);
            await used.Database.BeginTransactionAsync(Ct);
            // Written inside the open transaction, so only a rollback at the lease's end keeps it out of the database.
            used.UserAccounts.Add(new UserAccount { UserName = "igjen", PasswordHash = "x", Role = AccessRole.Reader });
            await used.SaveChangesAsync(Ct);
            used.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        }

        // Several leases at once, so the one just returned is among them whatever else the host is doing.
        var scopes = Enumerable.Range(0, 4).Select(_ => app.Services.CreateAsyncScope()).ToList();
        try
        {
            var leased = scopes.Select(s => s.ServiceProvider.GetRequiredService<PortfolioDbContext>()).ToList();
            var again = Assert.Single(leased, c => ReferenceEquals(c, used));
            Assert.Equal(ConnectionState.Closed, again.Database.GetDbConnection().State);
            Assert.Null(again.Database.CurrentTransaction);
            Assert.Empty(again.ChangeTracker.Entries());
            Assert.Equal(QueryTrackingBehavior.TrackAll, again.ChangeTracker.QueryTrackingBehavior);
            // The transaction was rolled back, not committed when the lease ended.
            Assert.False(await again.UserAccounts.AnyAsync(u => u.UserName == "igjen", Ct));
        }
        finally
        {
            foreach (var scope in scopes) await scope.DisposeAsync();
        }
    }
}
