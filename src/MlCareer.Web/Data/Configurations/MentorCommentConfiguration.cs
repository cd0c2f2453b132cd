using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class MentorCommentConfiguration : IEntityTypeConfiguration<MentorComment>
{
    public void Configure(EntityTypeBuilder<MentorComment> builder)
    {
        builder.Property(c => c.CompetencyId).HasMaxLength(FieldLimits.ContentId);
        builder.Property(c => c.Body).HasMaxLength(FieldLimits.Comment);
        builder.HasIndex(c => new { c.MenteeId, c.CompetencyId, c.CreatedAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.MenteeId).OnDelete(DeleteBehavior.Cascade);
        // Deleting an account removes every row that user wrote, in any thread.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
