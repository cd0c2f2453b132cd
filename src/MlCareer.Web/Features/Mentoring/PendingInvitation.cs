namespace MlCareer.Web.Features.Mentoring;

public sealed record PendingInvitation(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
