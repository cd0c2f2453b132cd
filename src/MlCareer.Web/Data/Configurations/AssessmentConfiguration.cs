using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.HasKey(a => new { a.UserId, a.CompetencyId });
        builder.Property(a => a.CompetencyId).HasMaxLength(FieldLimits.ContentId);
        builder.Property(a => a.Note).HasMaxLength(FieldLimits.Note);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Evidence).WithOne().HasForeignKey(e => new { e.UserId, e.CompetencyId }).OnDelete(DeleteBehavior.Cascade);
    }
}
