using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.HasKey(a => new { a.UserId, a.CompetencyId });
        builder.Property(a => a.CompetencyId).HasMaxLength(100);
        builder.Property(a => a.Note).HasMaxLength(Assessment.MaxNoteLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Evidence).WithOne().HasForeignKey(e => new { e.UserId, e.CompetencyId }).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> builder)
    {
        builder.Property(e => e.Label).HasMaxLength(EvidenceLink.MaxLabelLength);
        builder.Property(e => e.Url).HasMaxLength(EvidenceLink.MaxUrlLength);
        builder.HasIndex(e => new { e.UserId, e.CompetencyId, e.Position });
    }
}

public sealed class AssessmentEventConfiguration : IEntityTypeConfiguration<AssessmentEvent>
{
    public void Configure(EntityTypeBuilder<AssessmentEvent> builder)
    {
        builder.Property(e => e.CompetencyId).HasMaxLength(100);
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.Property(e => e.To).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(200);
        builder.HasIndex(e => e.CreatedAt);
    }
}
