using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Nuit.Portfolio.Data;

/// <summary>The same model on PostgreSQL, with its migrations in Data/Migrations/Postgres (ADR 5).</summary>
public sealed class PostgresPortfolioDbContext(DbContextOptions<PostgresPortfolioDbContext> options) : PortfolioDbContext(options);

/// <summary>Used only by `dotnet ef migrations add --context PostgresPortfolioDbContext`; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortfolioDbContext>
{
    public PostgresPortfolioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortfolioDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=design_time", o => o.MigrationsAssembly(typeof(PortfolioDbContext).Assembly.FullName))
            .Options);
}
