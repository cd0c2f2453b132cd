using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class CareerTargetConfiguration : IEntityTypeConfiguration<CareerTarget>
{
    public void Configure(EntityTypeBuilder<CareerTarget> builder)
    {
        builder.HasKey(t => t.UserId);
        builder.Property(t => t.RoleId).HasMaxLength(FieldLimits.ContentId);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<CareerTarget>(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
