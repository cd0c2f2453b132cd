using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> builder)
    {
        builder.Property(e => e.Label).HasMaxLength(FieldLimits.EvidenceLabel);
        builder.Property(e => e.Url).HasMaxLength(FieldLimits.EvidenceUrl);
        builder.HasIndex(e => new { e.UserId, e.CompetencyId, e.Position });
    }
}
