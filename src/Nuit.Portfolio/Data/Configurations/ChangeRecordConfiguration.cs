using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Data.Configurations;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> b)
    {
        // No foreign key to the item: the history must outlive a renamed or deleted item.
        b.Property(x => x.ItemCode).HasMaxLength(40);
        b.Property(x => x.Field).HasMaxLength(80);
        b.Property(x => x.OldValue).HasMaxLength(400);
        b.Property(x => x.NewValue).HasMaxLength(400);
        b.Property(x => x.ChangedBy).HasMaxLength(200);
        b.Property(x => x.Via).HasMaxLength(260);
        b.HasIndex(x => new { x.ItemCode, x.ChangedAt });
    }
}
