using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Work;

namespace Nuit.Portfolio;

public static class PortfolioServices
{
    /// <summary>Everything the web host, jobs and CLI share: database, mediator with its behaviours, validators.</summary>
    public static IServiceCollection AddPortfolio(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .PostConfigure(o => o.ConnectionString ??= configuration.GetConnectionString("Portfolio"));
        services.AddSingleton(TimeProvider.System);

        // The provider is chosen here and nowhere else (ADR 5); the rest of the code sees PortfolioDbContext.
        // Pooled (issue 18): building the options and a context per request cost more than the API's own query. The
        // options are built once from singletons only (DatabaseOptions), so nothing per request or per user is in
        // them: who acts lives in the scope's CurrentUser and AuditTrail, not in the context. The context keeps no
        // state of its own, and EF resets its change tracker, transaction and connection when a lease ends.
        var provider = DatabaseOptions.ParseProvider(configuration[$"{DatabaseOptions.SectionName}:Provider"]);
        var migrations = typeof(PortfolioDbContext).Assembly.FullName;
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<PortfolioDbContext, PostgresPortfolioDbContext>((sp, options) =>
            {
                var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                options.UseNpgsql(db.RequireConnectionString(),
                    pg => pg.MigrationsAssembly(migrations).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                        // A server restart or a dropped connection runs the unit of work again; past the retries: 503 (issue 23).
                        .ExecutionStrategy(d => new PostgresRetryStrategy(d, db.BusyRetries + 3)));
                if (db.CompiledModel) options.UseModel(Data.CompiledModels.Postgres.PostgresPortfolioDbContextModel.Instance);
            });
        }
        else
        {
            services.AddDbContextPool<PortfolioDbContext>((sp, options) =>
            {
                var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                // A busy timeout makes a second writer wait for the lock; past it the unit of work is retried (ADR 11).
                options.UseSqlite(db.SqliteConnectionString,
                    sqlite => sqlite.MigrationsAssembly(migrations).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                        .ExecutionStrategy(d => new SqliteBusyRetryStrategy(d, db.BusyRetries, TimeSpan.FromMilliseconds(db.BusyRetryDelayMilliseconds))))
                    // SQLite cannot alter a column, so EF rebuilds the table; the rebuild itself runs in the
                    // migration's transaction, only the "PRAGMA foreign_keys" switch around it cannot. A killed
                    // process leaves the switch on a closed connection, not a half-built table: nothing to warn about.
                    .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
                // Each provider context has its own compiled model: the SQLite one stores DateTimeOffset as a number (ConfigureConventions).
                if (db.CompiledModel) options.UseModel(Data.CompiledModels.Sqlite.PortfolioDbContextModel.Instance);
            });
        }

        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(PortfolioServices)];
            options.PipelineBehaviors = [typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>)];
        });
        // One holder per scope; each host sets it once (web: the signed-in user, CLI: the OS user, work: who queued it).
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<AuditTrail>();
        services.AddSingleton<MatcherCache>();
        services.AddScoped<CaseLinker>();
        services.AddScoped<Features.Ledger.LedgerRefresher>();
        services.AddScoped<CaseSearchIndex>();
        services.AddScoped<WorkProgress>();
        services.AddSingleton<WorkBoard>();
        services.AddSingleton<WorkHeartbeat>();
        services.AddOptions<WorkOptions>().Bind(configuration.GetSection(WorkOptions.SectionName));
        services.AddValidatorsFromAssembly(typeof(PortfolioServices).Assembly, includeInternalTypes: true);
        return services;
    }
}
