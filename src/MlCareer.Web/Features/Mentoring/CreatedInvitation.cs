namespace MlCareer.Web.Features.Mentoring;

public sealed record CreatedInvitation(Guid Id, string Token, DateTimeOffset ExpiresAt);
