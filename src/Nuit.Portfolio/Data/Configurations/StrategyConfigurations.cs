using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Data.Configurations;

internal sealed class StrategyConfiguration : IEntityTypeConfiguration<Strategy>
{
    public void Configure(EntityTypeBuilder<Strategy> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.PlanName).HasMaxLength(200);
        b.HasMany(x => x.Goals).WithOne(x => x.Strategy).HasForeignKey(x => x.StrategyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoadmapItemConfiguration : IEntityTypeConfiguration<RoadmapItem>
{
    public void Configure(EntityTypeBuilder<RoadmapItem> b)
    {
        b.ToTable("RoadmapItems");
        b.Ignore(x => x.Kind);
        b.HasDiscriminator<RoadmapItemKind>("ItemKind")
            .HasValue<Goal>(RoadmapItemKind.Goal)
            .HasValue<SubGoal>(RoadmapItemKind.SubGoal)
            .HasValue<Initiative>(RoadmapItemKind.Initiative)
            .HasValue<Indicator>(RoadmapItemKind.Indicator);
        b.Property(x => x.Code).HasMaxLength(40);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(400);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Goal).WithMany().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.StatusUpdates).WithOne(x => x.Item).HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.Property(x => x.Owner).HasMaxLength(200);
        b.HasMany(x => x.SubGoals).WithMany(x => x.Initiatives).UsingEntity("InitiativeSubGoals");
        b.HasMany(x => x.Milestones).WithOne(x => x.Initiative).HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.Property(x => x.Name).HasMaxLength(400);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsSlipped);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.Property(x => x.Unit).HasMaxLength(40);
        b.Property(x => x.BaselinePeriod).HasMaxLength(7);
        b.HasMany(x => x.SubGoals).WithMany().UsingEntity("IndicatorSubGoals");
        b.HasMany(x => x.Targets).WithOne(x => x.Indicator).HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Values).WithOne(x => x.Indicator).HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> b)
    {
        b.Property(x => x.Period).HasMaxLength(7);
        b.HasIndex(x => new { x.IndicatorId, x.Period }).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.SetByCase).WithMany().HasForeignKey(x => x.SetByCaseId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.Property(x => x.Period).HasMaxLength(7);
        b.HasIndex(x => new { x.IndicatorId, x.Period }).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class StatusUpdateConfiguration : IEntityTypeConfiguration<StatusUpdate>
{
    public void Configure(EntityTypeBuilder<StatusUpdate> b)
    {
        b.HasIndex(x => new { x.ItemId, x.Quarter, x.RecordedAt });
        b.Property(x => x.Author).HasMaxLength(200);
    }
}
