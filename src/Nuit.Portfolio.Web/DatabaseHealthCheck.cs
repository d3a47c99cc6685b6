using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Web;

/// <summary>Healthy only when the database answers a real query (SQLite's "can connect" succeeds on any path).</summary>
internal sealed class DatabaseHealthCheck(PortfolioDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Strategies.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Databasen svarer ikke.", ex);
        }
    }
}
