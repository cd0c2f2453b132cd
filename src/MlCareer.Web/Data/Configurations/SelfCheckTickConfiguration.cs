using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class SelfCheckTickConfiguration : IEntityTypeConfiguration<SelfCheckTick>
{
    public void Configure(EntityTypeBuilder<SelfCheckTick> builder)
    {
        builder.HasKey(t => new { t.UserId, t.CompetencyId, t.StatementKey });
        builder.Property(t => t.CompetencyId).HasMaxLength(FieldLimits.ContentId);
        builder.Property(t => t.StatementKey).HasMaxLength(SelfCheckKey.Length);
        builder.Property(t => t.Statement).HasMaxLength(FieldLimits.SelfCheckStatement);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
