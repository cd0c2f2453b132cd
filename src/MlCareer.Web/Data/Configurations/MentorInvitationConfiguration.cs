using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class MentorInvitationConfiguration : IEntityTypeConfiguration<MentorInvitation>
{
    public void Configure(EntityTypeBuilder<MentorInvitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(FieldLimits.TokenHash);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.MenteeId, i.Status });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.MenteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.RespondedById).OnDelete(DeleteBehavior.SetNull);
    }
}
