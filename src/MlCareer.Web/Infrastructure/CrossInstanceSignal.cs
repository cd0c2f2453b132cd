namespace MlCareer.Web.Infrastructure;

/// <summary>
/// A change signal for the other instances of the app: its kind (which notifier's event), the user whose subscribers it
/// is for, and at most one id (a competency or a mentee). Ids only, never personal data: it travels through the database server.
/// </summary>
public sealed record CrossInstanceSignal(string Kind, string UserId, string? Detail);
