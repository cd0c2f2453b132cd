using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Data;

/// <summary>The app's data on SQLite (the default provider); <see cref="PostgresAppDbContext"/> is the same model on PostgreSQL.</summary>
public class AppDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's subclass, which needs migrations of its own.</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The Data Protection key ring (sign-in and antiforgery cookies), shared by restarts and instances; see DataProtectionSetup.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<EvidenceLink> EvidenceLinks => Set<EvidenceLink>();

    public DbSet<AssessmentEvent> AssessmentEvents => Set<AssessmentEvent>();

    public DbSet<SelfCheckTick> SelfCheckTicks => Set<SelfCheckTick>();

    public DbSet<ActivityEvent> ActivityEvents => Set<ActivityEvent>();

    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<MentorInvitation> MentorInvitations => Set<MentorInvitation>();

    public DbSet<MentorGrant> MentorGrants => Set<MentorGrant>();

    public DbSet<MentorComment> MentorComments => Set<MentorComment>();

    public DbSet<Endorsement> Endorsements => Set<Endorsement>();

    public DbSet<CareerTarget> CareerTargets => Set<CareerTarget>();

    public DbSet<ReviewRequest> ReviewRequests => Set<ReviewRequest>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<LearningPlan> LearningPlans => Set<LearningPlan>();

    public DbSet<PlanItemChoice> PlanItemChoices => Set<PlanItemChoice>();

    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<ApplicationUser>().Property(u => u.DisplayName).HasMaxLength(FieldLimits.DisplayName);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; storing UTC ticks keeps queries portable (PostgreSQL too).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
