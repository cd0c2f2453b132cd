using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class AssessmentEventConfiguration : IEntityTypeConfiguration<AssessmentEvent>
{
    public void Configure(EntityTypeBuilder<AssessmentEvent> builder)
    {
        builder.Property(e => e.CompetencyId).HasMaxLength(FieldLimits.ContentId);
        builder.Property(e => e.Source).HasMaxLength(FieldLimits.HistorySource);
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
