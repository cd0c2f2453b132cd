using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class PlanItemChoiceConfiguration : IEntityTypeConfiguration<PlanItemChoice>
{
    public void Configure(EntityTypeBuilder<PlanItemChoice> builder)
    {
        builder.HasKey(c => new { c.UserId, c.CompetencyId });
        builder.Property(c => c.CompetencyId).HasMaxLength(FieldLimits.ContentId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
