using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;

namespace MlCareer.Web.Features.Account;

/// <summary>
/// No outbound mail is available, so every message the app would send is written to the outbox table, where an operator
/// can read and forward it; the log says that one was queued (its row id and subject, not the address).
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
        var email = new OutboxEmail { To = to, Subject = subject, Body = body, CreatedAt = time.GetUtcNow() };
        db.OutboxEmails.Add(email);
        await db.SaveChangesAsync();
        LogQueued(logger, email.Id, subject);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: e-mail {OutboxEmailId} queued: {Subject}")]
    private static partial void LogQueued(ILogger logger, long outboxEmailId, string subject);
}
