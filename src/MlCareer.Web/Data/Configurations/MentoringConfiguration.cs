using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data.Configurations;

public sealed class MentorInvitationConfiguration : IEntityTypeConfiguration<MentorInvitation>
{
    public void Configure(EntityTypeBuilder<MentorInvitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.MenteeId, i.Status });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.MenteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.RespondedById).OnDelete(DeleteBehavior.SetNull);
    }
}

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

public sealed class MentorCommentConfiguration : IEntityTypeConfiguration<MentorComment>
{
    public void Configure(EntityTypeBuilder<MentorComment> builder)
    {
        builder.Property(c => c.CompetencyId).HasMaxLength(100);
        builder.Property(c => c.Body).HasMaxLength(MentorComment.MaxLength);
        builder.HasIndex(c => new { c.MenteeId, c.CompetencyId, c.CreatedAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.MenteeId).OnDelete(DeleteBehavior.Cascade);
        // Deleting an account removes every row that user wrote, in any thread.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EndorsementConfiguration : IEntityTypeConfiguration<Endorsement>
{
    public void Configure(EntityTypeBuilder<Endorsement> builder)
    {
        builder.Property(e => e.CompetencyId).HasMaxLength(100);
        builder.HasIndex(e => new { e.MenteeId, e.CompetencyId, e.MentorId }).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.MenteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.MentorId).OnDelete(DeleteBehavior.Cascade);
    }
}
