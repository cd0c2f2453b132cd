namespace MlCareer.Web.Features.Demo;

/// <summary>The sign-in details of the seeded demo accounts; the passwords exist only here and in the command's output.</summary>
public sealed record DemoAccounts(string LearnerEmail, string MentorEmail, string Password);
