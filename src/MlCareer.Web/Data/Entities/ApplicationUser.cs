using Microsoft.AspNetCore.Identity;

namespace MlCareer.Web.Data.Entities;

public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name shown to mentors and mentees.</summary>
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
