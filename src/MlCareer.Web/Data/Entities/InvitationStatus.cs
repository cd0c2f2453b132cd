namespace MlCareer.Web.Data.Entities;

/// <summary>What became of a mentor invitation; stored as its number.</summary>
public enum InvitationStatus { Pending = 0, Accepted = 1, Declined = 2, Revoked = 3 }
