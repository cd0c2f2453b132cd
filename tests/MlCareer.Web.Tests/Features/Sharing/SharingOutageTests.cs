using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Features.Sharing;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Sharing;

/// <summary>
/// When the database stops taking writes, share links and notifications report "unavailable", log the failure once
/// under its own operation with the acting user's id, and keep what was there.
/// </summary>
public sealed class SharingOutageTests : IAsyncLifetime
{
    private readonly FailingWrites _outage = new();
    private readonly ServiceTestHost _host;
    private string _lena = "";
    private CreatedShareLink _link = null!;

    public SharingOutageTests() => _host = new ServiceTestHost(interceptors: _outage);

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _lena = await _host.CreateUserAsync("lena");
        _link = (await _host.Shares.CreateAsync(_lena, ShareOptions.Default, null)).Value!;
        await using (var db = await _host.NewDbAsync())
        {
            NotificationService.Add(db, _lena, NotificationKind.NewComment, null, _lena, "calculus", _host.Clock.Now);
            await db.SaveChangesAsync();
        }

        _outage.Arm();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Creating_a_share_link()
    {
        FailingWrites.AssertUnavailable(await _host.Shares.CreateAsync(_lena, ShareOptions.Default, 7));

        Assert.Equal(("Creating a share link", _lena), _host.Logs.SingleWriteFailure());
        Assert.Equal([_link.Link.Id], (await _host.Shares.ListAsync(_lena)).Select(l => l.Id));
    }

    [Fact]
    public async Task Revoking_a_share_link()
    {
        FailingWrites.AssertUnavailable(await _host.Shares.RevokeAsync(_lena, _link.Link.Id));

        Assert.Equal(("Revoking a share link", _lena), _host.Logs.SingleWriteFailure());
        Assert.NotNull(await _host.Shares.OpenAsync(_link.Token));
    }

    [Fact]
    public async Task Marking_a_notification_read()
    {
        var id = Assert.Single((await _host.Notifications.ListAsync(_lena)).Items).Id;

        FailingWrites.AssertUnavailable(await _host.Notifications.MarkReadAsync(_lena, id));

        Assert.Equal(("Marking a notification read", _lena), _host.Logs.SingleWriteFailure());
        Assert.Equal(1, await _host.Notifications.CountUnreadAsync(_lena));
    }

    [Fact]
    public async Task Marking_all_notifications_read()
    {
        FailingWrites.AssertUnavailable(await _host.Notifications.MarkAllReadAsync(_lena));

        Assert.Equal(("Marking all notifications read", _lena), _host.Logs.SingleWriteFailure());
        Assert.Equal(1, await _host.Notifications.CountUnreadAsync(_lena));
    }
}
