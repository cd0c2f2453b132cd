using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Account;

/// <summary>
/// No outbound mail is available, so every message the app would send is written to the outbox table and the log,
/// where an operator can read and forward it.
/// </summary>
public sealed partial class OutboxEmailSender(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<OutboxEmailSender> logger)
    : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your MlCareer e-mail address", $"Confirm your address by opening {confirmationLink}");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your MlCareer password", $"Reset your password by opening {resetLink}");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(email, "Your MlCareer password reset code", $"Your reset code is {resetCode}");

    public async Task SendAsync(string to, string subject, string body)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.OutboxEmails.Add(new OutboxEmail { To = to, Subject = subject, Body = body, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync();
        LogQueued(logger, to, subject);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: e-mail to {To} queued: {Subject}")]
    private static partial void LogQueued(ILogger logger, string to, string subject);
}
