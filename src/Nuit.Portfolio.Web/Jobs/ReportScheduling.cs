using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Mediator;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Reports;
using Nuit.Portfolio.Features.Work;
using Nuit.Portfolio.Rendering.Charts;

namespace Nuit.Portfolio.Web.Jobs;

/// <summary>
/// Hangfire for the quarterly report. On PostgreSQL it uses Hangfire.PostgreSql. The embedded default keeps jobs in memory (no SQLite storage is
/// served for Hangfire), so the scheduler forgets everything on restart: the Reports table is the source
/// of truth, the job is idempotent, and at start a missing report for the last ended quarter is queued.
/// </summary>
public static class ReportScheduling
{
    public const string RecurringJobId = "kvartalsrapport";

    public static IServiceCollection AddReportJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportScheduleOptions>().Bind(configuration.GetSection(ReportScheduleOptions.SectionName))
            .Validate(o => IsTimeZone(o.TimeZone), "Reports:TimeZone er ikke en kjent tidssone (bruk f.eks. Europe/Oslo).")
            .ValidateOnStart();
        services.AddScoped<QuarterlyReportJob>();
        services.AddSingleton<ReportNotifier>();

        // Storage and activator per host instead of Hangfire's process-wide JobStorage.Current and
        // JobActivator.Current, so two hosts in one process (tests) never run each other's jobs.
        // On PostgreSQL the jobs live in the database (schema "hangfire"): schedules survive restarts and
        // Hangfire's distributed locks let one instance run the quarterly job, however many are started.
        services.AddSingleton<JobStorage>(sp =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (db.ProviderKind != DatabaseProvider.Postgres) return new InMemoryStorage();
            var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(db.RequireConnectionString(), options), options);
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((sp, o) =>
        {
            o.WorkerCount = 2;
            o.ServerName = $"nuit-{Environment.MachineName}-{Guid.NewGuid():N}";
        });
        services.AddHostedService<ReportStartup>();
        services.AddScoped<BackgroundWorkJob>();
        services.AddSingleton<IWorkQueue, HangfireWorkQueue>();
        services.AddHostedService<WorkRecovery>();
        return services;
    }

    /// <summary>The dashboard at /hangfire, for Admins.</summary>
    public static WebApplication UseReportJobsDashboard(this WebApplication app)
    {
        // An endpoint (not middleware) so the Admin policy applies like everywhere else; Hangfire's own filter
        // then has nothing left to check.
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [],
            DashboardTitle = "NUIT-porteføljen – jobber",
            AppPath = "/",
        }).RequireAuthorization(Auth.Policies.Admin);
        return app;
    }

    internal static TimeZoneInfo FindTimeZone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static bool IsTimeZone(string id)
    {
        try { FindTimeZone(id); return true; }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException) { return false; }
    }
}

/// <summary>Registers the recurring job from configuration and catches up on a missed quarter at start.</summary>
internal sealed class ReportStartup(
    IServiceProvider services, IRecurringJobManager recurring, IBackgroundJobClient jobs, TimeProvider clock,
    IOptions<ReportScheduleOptions> options, ILogger<ReportStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (ChartFonts.Warning is { } warning) log.LogWarning("{Warning}", warning);
        var o = options.Value;
        if (!o.Enabled)
        {
            log.LogInformation("Planlagte kvartalsrapporter er slått av (Reports:Enabled = false)");
            return;
        }
        try
        {
            recurring.AddOrUpdate<QuarterlyReportJob>(ReportScheduling.RecurringJobId, j => j.RunAsync(null, CancellationToken.None), o.Schedule,
                new RecurringJobOptions { TimeZone = ReportScheduling.FindTimeZone(o.TimeZone) });
        }
        catch (ArgumentException ex)
        {
            throw new StartupException($"Reports:Schedule «{o.Schedule}» er ikke et gyldig cron-uttrykk (f.eks. 0 6 1 1,4,7,10 *): {ex.Message}", ex);
        }
        if (!o.CatchUpAtStart) return;

        // Runs after DatabaseStartup (registered before it), so the Reports table exists.
        var quarter = Nuit.Portfolio.Domain.Quarter.LastEnded(clock.GetUtcNow(), o.TimeZone).ToString();
        await using var scope = services.CreateAsyncScope();
        var existing = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ListReports(quarter), cancellationToken);
        if (existing.Count > 0) return;
        jobs.Enqueue<QuarterlyReportJob>(j => j.RunAsync(quarter, CancellationToken.None));
        log.LogInformation("Ingen rapport for {Quarter} i databasen; utkast er satt i kø", quarter);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
