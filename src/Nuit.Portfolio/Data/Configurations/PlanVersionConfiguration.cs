using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Data.Configurations;

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.HasIndex(x => x.PlanYear).IsUnique();
        b.Property(x => x.PlanName).HasMaxLength(200);
        b.Property(x => x.ClosedBy).HasMaxLength(200);
    }
}
