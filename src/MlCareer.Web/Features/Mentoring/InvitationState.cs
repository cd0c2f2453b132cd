namespace MlCareer.Web.Features.Mentoring;

public enum InvitationState { Valid, Expired, Used, Declined, Revoked, Unknown }
