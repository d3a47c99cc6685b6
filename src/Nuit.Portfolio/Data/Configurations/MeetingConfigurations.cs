using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Data.Configurations;

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.ShortName).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(200);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(x => x.Number).HasMaxLength(20);
        b.HasIndex(x => new { x.BodyId, x.Number }).IsUnique();
        b.HasIndex(x => x.Date);
        b.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Attendances).WithOne(x => x.Meeting).HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Cases).WithOne(x => x.Meeting).HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.Property(x => x.PersonName).HasMaxLength(200);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(x => x.Number).HasMaxLength(20);
        b.HasIndex(x => new { x.BodyId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.BodyId, x.Year, x.Sequence });
        b.HasIndex(x => x.MeetingDate);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Type).HasMaxLength(60);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Body).WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Inputs).WithOne(x => x.Case).HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.ActionPoints).WithOne(x => x.Case).HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne(x => x.Case).HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Sections).WithOne(x => x.Case).HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.References).WithOne(x => x.Case).HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Links).WithOne(x => x.Case).HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseSectionConfiguration : IEntityTypeConfiguration<CaseSection>
{
    public void Configure(EntityTypeBuilder<CaseSection> b)
    {
        b.Property(x => x.Kind).HasMaxLength(100);
        b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CaseReferenceConfiguration : IEntityTypeConfiguration<CaseReference>
{
    public void Configure(EntityTypeBuilder<CaseReference> b)
    {
        b.Property(x => x.ReferencedNumber).HasMaxLength(20);
        b.HasIndex(x => new { x.ReferencedBody, x.ReferencedNumber });
        b.HasOne(x => x.ReferencedCase).WithMany().HasForeignKey(x => x.ReferencedCaseId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ActionPointConfiguration : IEntityTypeConfiguration<ActionPoint>
{
    public void Configure(EntityTypeBuilder<ActionPoint> b)
    {
        // The open list: status first, then due date, so "open, overdue first" reads one index range in order.
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.ClosedBy).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.DueText).HasMaxLength(200);
        b.HasOne(x => x.ClosedByCase).WithMany().HasForeignKey(x => x.ClosedByCaseId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Owners).WithOne(x => x.ActionPoint).HasForeignKey(x => x.ActionPointId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.FollowUps).WithOne(x => x.ActionPoint).HasForeignKey(x => x.ActionPointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionPointOwnerConfiguration : IEntityTypeConfiguration<ActionPointOwner>
{
    public void Configure(EntityTypeBuilder<ActionPointOwner> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        // "Open action points for NHN": a seek on the owner's name.
        b.HasIndex(x => new { x.Name, x.ActionPointId });
        b.HasIndex(x => new { x.ActionPointId, x.Name }).IsUnique();
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.HasIndex(x => new { x.ActionPointId, x.CaseId }).IsUnique();
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.Evidence).HasMaxLength(1000);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> b)
    {
        b.HasIndex(x => new { x.CaseId, x.ItemId }).IsUnique();
        // "Which cases touched SFM, newest first": a seek on this index needs no sort (74 ms → 0.08 ms at 1M links).
        b.HasIndex(x => new { x.ItemId, x.MeetingDate, x.CaseId }).IsDescending(false, true, false);
        // «Til vurdering: N» in every editor's menu and the review queue: a count on this index, not a scan of every link.
        b.HasIndex(x => x.State);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.HasOne(x => x.Item).WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        // JsonSerializerOptions.Web, not a private options field: the compiled model (Data/CompiledModels) copies these
        // lambdas into generated code, which cannot reach a private static field.
        b.Property(x => x.Evidence).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            s => JsonSerializer.Deserialize<List<LinkEvidence>>(s, JsonSerializerOptions.Web) ?? new List<LinkEvidence>(),
            new ValueComparer<List<LinkEvidence>>(
                (a, c) => a!.SequenceEqual(c!),
                v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e.GetHashCode())),
                v => v.ToList()));
    }
}

internal sealed class SourceDocumentConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> b)
    {
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => x.Sha256).IsUnique();
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
    }
}

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.ImportedBy).HasMaxLength(200);
        b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.ImportedAt);
    }
}

internal sealed class AppliedSeedConfiguration : IEntityTypeConfiguration<AppliedSeed>
{
    public void Configure(EntityTypeBuilder<AppliedSeed> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(200);
    }
}
