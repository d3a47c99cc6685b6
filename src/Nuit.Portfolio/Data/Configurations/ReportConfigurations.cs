using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.ToTable("Reports");
        // One draft (edition 0) per quarter and one row per published edition: two jobs racing to build
        // the same draft cannot both succeed, whatever the scheduler remembers.
        b.HasIndex(x => new { x.Quarter, x.Edition }).IsUnique();
        // A request run twice (a worker killed after storing, then restarted) finds its report instead of making another edition.
        b.HasIndex(x => x.RequestId).IsUnique();
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.DataSha256).HasMaxLength(64);
        b.HasMany(x => x.Files).WithOne(x => x.Report).HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportFileConfiguration : IEntityTypeConfiguration<ReportFile>
{
    public void Configure(EntityTypeBuilder<ReportFile> b)
    {
        b.ToTable("ReportFiles");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => new { x.ReportId, x.Name }).IsUnique();
    }
}

internal sealed class BackgroundWorkConfiguration : IEntityTypeConfiguration<BackgroundWork>
{
    public void Configure(EntityTypeBuilder<BackgroundWork> b)
    {
        b.ToTable("BackgroundWork");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Input).HasMaxLength(4000);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.ResultUrl).HasMaxLength(400);
        b.Property(x => x.Message).HasMaxLength(4000);
        // Recovery at start looks for unfinished work.
        b.HasIndex(x => x.State);
    }
}
