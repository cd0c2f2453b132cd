namespace MlCareer.Web.Features.Mentoring;

/// <summary>The mentee ended the subscribed mentor's access.</summary>
public sealed record GrantRevoked(string MenteeId);
