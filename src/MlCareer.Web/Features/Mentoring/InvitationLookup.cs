namespace MlCareer.Web.Features.Mentoring;

public sealed record InvitationLookup(InvitationState State, Guid? Id, string? MenteeId, string? MenteeName);
