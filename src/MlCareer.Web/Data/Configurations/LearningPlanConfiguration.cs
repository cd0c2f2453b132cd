using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class LearningPlanConfiguration : IEntityTypeConfiguration<LearningPlan>
{
    public void Configure(EntityTypeBuilder<LearningPlan> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.BackgroundId).HasMaxLength(FieldLimits.ContentId);
        builder.Property(p => p.BaselineRoleId).HasMaxLength(FieldLimits.ContentId);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<LearningPlan>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
