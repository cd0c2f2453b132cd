using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class ReviewRequestConfiguration : IEntityTypeConfiguration<ReviewRequest>
{
    public void Configure(EntityTypeBuilder<ReviewRequest> builder)
    {
        builder.Property(r => r.CompetencyId).HasMaxLength(FieldLimits.ContentId);
        builder.Property(r => r.Message).HasMaxLength(FieldLimits.ReviewMessage);
        builder.Property(r => r.Response).HasMaxLength(FieldLimits.ReviewResponse);
        builder.HasIndex(r => new { r.MenteeId, r.CompetencyId, r.Status });
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.MenteeId).OnDelete(DeleteBehavior.Cascade);
        // A request to one mentor goes with that mentor's account; an answer outlives its author, unsigned.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.MentorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AnsweredById).OnDelete(DeleteBehavior.SetNull);
    }
}
