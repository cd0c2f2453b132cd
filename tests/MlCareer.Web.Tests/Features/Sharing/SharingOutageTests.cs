using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Features.Sharing;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Sharing;

/// <summary>
/// When the database stops taking writes, share links and notifications report "unavailable", log the failure once
/// under its own operation with the acting user's id, and keep what was there.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class SharingOutageTests : OutageTestBase
{
    private string _lena = "";
    private CreatedShareLink _link = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _lena = await Host.CreateUserAsync("lena");
        _link = (await Host.Shares.CreateAsync(_lena, ShareOptions.Default, null)).Value!;
        await using (var db = await Host.NewDbAsync())
        {
            NotificationService.Add(db, _lena, NotificationKind.NewComment, null, _lena, "calculus", Host.Clock.Now);
            await db.SaveChangesAsync();
        }

        Outage.Arm();
    }

    [Fact]
    public async Task Creating_a_share_link()
    {
        FailingWrites.AssertUnavailable(await Host.Shares.CreateAsync(_lena, ShareOptions.Default, 7));

        Assert.Equal(("Creating a share link", _lena), Host.Logs.SingleWriteFailure());
        Assert.Equal([_link.Link.Id], (await Host.Shares.ListAsync(_lena)).Select(l => l.Id));
    }

    [Fact]
    public async Task Revoking_a_share_link()
    {
        FailingWrites.AssertUnavailable(await Host.Shares.RevokeAsync(_lena, _link.Link.Id));

        Assert.Equal(("Revoking a share link", _lena), Host.Logs.SingleWriteFailure());
        Assert.NotNull(await Host.Shares.OpenAsync(_link.Token));
    }

    [Fact]
    public async Task Marking_a_notification_read()
    {
        var id = Assert.Single((await Host.Notifications.ListAsync(_lena)).Items).Id;

        FailingWrites.AssertUnavailable(await Host.Notifications.MarkReadAsync(_lena, id));

        Assert.Equal(("Marking a notification read", _lena), Host.Logs.SingleWriteFailure());
        Assert.Equal(1, await Host.Notifications.CountUnreadAsync(_lena));
    }

    [Fact]
    public async Task Marking_all_notifications_read()
    {
        FailingWrites.AssertUnavailable(await Host.Notifications.MarkAllReadAsync(_lena));

        Assert.Equal(("Marking all notifications read", _lena), Host.Logs.SingleWriteFailure());
        Assert.Equal(1, await Host.Notifications.CountUnreadAsync(_lena));
    }
}
