using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class EndorsementConfiguration : IEntityTypeConfiguration<Endorsement>
{
    public void Configure(EntityTypeBuilder<Endorsement> builder)
    {
        builder.Property(e => e.CompetencyId).HasMaxLength(FieldLimits.ContentId);
        builder.HasIndex(e => new { e.MenteeId, e.CompetencyId, e.MentorId }).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.MenteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.MentorId).OnDelete(DeleteBehavior.Cascade);
    }
}
