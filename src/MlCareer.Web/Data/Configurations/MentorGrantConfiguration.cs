using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class MentorGrantConfiguration : IEntityTypeConfiguration<MentorGrant>
{
    public void Configure(EntityTypeBuilder<MentorGrant> builder)
    {
        builder.HasIndex(g => new { g.MenteeId, g.MentorId }).IsUnique();
        builder.HasIndex(g => g.MentorId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(g => g.MenteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(g => g.MentorId).OnDelete(DeleteBehavior.Cascade);
    }
}
