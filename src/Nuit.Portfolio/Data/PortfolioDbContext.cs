using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Data;

/// <summary>
/// The database. SQLite uses this class itself; PostgreSQL uses <see cref="PostgresPortfolioDbContext"/>, a subclass
/// that exists only so each provider has its own migrations (EF finds migrations by exact context type).
/// </summary>
public class PortfolioDbContext : DbContext
{
    public PortfolioDbContext(DbContextOptions<PortfolioDbContext> options) : base(options)
    {
    }

    protected PortfolioDbContext(DbContextOptions options) : base(options)
    {
    }

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    public DbSet<Strategy> Strategies => Set<Strategy>();
    public DbSet<RoadmapItem> RoadmapItems => Set<RoadmapItem>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<SubGoal> SubGoals => Set<SubGoal>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<StatusUpdate> StatusUpdates => Set<StatusUpdate>();
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseInput> CaseInputs => Set<CaseInput>();
    public DbSet<ActionPoint> ActionPoints => Set<ActionPoint>();
    public DbSet<ActionPointOwner> ActionPointOwners => Set<ActionPointOwner>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
    public DbSet<CaseSection> CaseSections => Set<CaseSection>();
    public DbSet<CaseReference> CaseReferences => Set<CaseReference>();
    public DbSet<CaseLink> CaseLinks => Set<CaseLink>();
    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();
    public DbSet<ImportRecord> ImportRecords => Set<ImportRecord>();
    public DbSet<AppliedSeed> AppliedSeeds => Set<AppliedSeed>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<UserAccount> UserAccounts => Set<UserAccount>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<BackgroundWork> BackgroundWork => Set<BackgroundWork>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortfolioDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Quarter>().HaveConversion<QuarterConverter>().HaveMaxLength(7);

        // Provider-specific mapping lives here and nowhere else. SQLite cannot compare or order
        // DateTimeOffset values stored as text; as a 64-bit number they order correctly.
        if (IsSqlite)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Every edited row gets a new Version so a second writer holding the old one fails
    /// with a concurrency conflict instead of silently overwriting (optimistic concurrency).
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified) continue;
            var version = entry.Metadata.FindProperty("Version");
            if (version?.ClrType == typeof(Guid)) entry.Property("Version").CurrentValue = Guid.NewGuid();
        }
    }

    // Internal, not private: the compiled model (Data/CompiledModels) creates it from generated code. The compiled model
    // also keeps each Quarter property's sentinel, default(Quarter), as its text "0-Q0" and reads it back through this
    // converter at the first use of the entity; that text is never a stored value, and must read back as default.
    internal sealed class QuarterConverter() : ValueConverter<Quarter, string>(
        q => q.ToString(), s => s == UnsetText ? default : Quarter.Parse(s, null))
    {
        private const string UnsetText = "0-Q0";
    }
}
