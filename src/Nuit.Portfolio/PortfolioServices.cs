using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio;

public static class PortfolioServices
{
    /// <summary>Everything the web host, jobs and CLI share: database, mediator with its behaviours, validators.</summary>
    public static IServiceCollection AddPortfolio(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddSingleton(TimeProvider.System);

        services.AddDbContext<PortfolioDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (!string.Equals(db.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
                throw new StartupException($"Ukjent databasetype «{db.Provider}». Denne versjonen støtter Sqlite.");
            // A busy timeout makes a second writer wait for the lock instead of failing with "database is locked".
            options.UseSqlite($"Data Source={db.FullPath};Default Timeout=30;Pooling=True",
                sqlite => sqlite.MigrationsAssembly(typeof(PortfolioDbContext).Assembly.FullName)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
        });

        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(PortfolioServices)];
            options.PipelineBehaviors = [typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>)];
        });
        // Hosts that know who is acting (web: the signed-in user, CLI: the OS user) register their own after this.
        services.TryAddScoped<ICurrentUser, SystemUser>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<MatcherCache>();
        services.AddScoped<CaseLinker>();
        services.AddScoped<CaseSearchIndex>();
        services.AddValidatorsFromAssembly(typeof(PortfolioServices).Assembly, includeInternalTypes: true);
        return services;
    }
}
