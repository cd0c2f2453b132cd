using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Deploy;

/// <summary>
/// Two app instances (two hosts, each with its own notifiers) on one database, as behind the proxy. On PostgreSQL
/// (<c>MLCAREER_TEST_POSTGRES</c>, as CI's second run) a change published through one instance reaches the subscribers of
/// the other via LISTEN/NOTIFY, and every subscriber is called exactly once; on SQLite, one process, the in-process path.
/// </summary>
[Trait("Database", "BothProviders")]
public sealed class CrossInstanceSignalsServiceTests : IAsyncLifetime
{
    private const string Competency = "math.calculus";
    private readonly ServiceTestHost _a = new();
    private ServiceTestHost _b = null!;
    private string _mentee = "";
    private string _mentor = "";

    public async Task InitializeAsync()
    {
        await _a.InitializeAsync();
        _b = await ServiceTestHost.SecondInstanceOfAsync(_a);
        _mentee = await _a.CreateUserAsync("mia");
        _mentor = await _a.CreateUserAsync("marco");
        if (TestPostgres.IsConfigured)
        {
            await Task.WhenAll(_a.Get<PostgresSignals>().Listening, _b.Get<PostgresSignals>().Listening);
        }
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task A_revocation_made_through_one_instance_reaches_the_mentor_page_open_on_the_other()
    {
        var invitation = (await _a.Invitations.CreateInvitationAsync(_mentee)).Value;
        Assert.True((await _b.Invitations.AcceptAsync(_mentor, invitation!.Token)).Succeeded);
        var onA = new Inbox<GrantRevoked>();
        var onB = new Inbox<GrantRevoked>();
        using var subscribedOnA = _a.Get<MentoringNotifier>().SubscribeToRevocations(_mentor, onA.Add);
        using var subscribedOnB = _b.Get<MentoringNotifier>().SubscribeToRevocations(_mentor, onB.Add);

        Assert.True((await _a.Access.RevokeMentorAsync(_mentee, _mentor)).Succeeded);

        Assert.Equal(new GrantRevoked(_mentee), Assert.Single(onA.Received));
        if (!TestPostgres.IsConfigured)
        {
            Assert.IsType<SingleInstanceSignals>(_a.Get<ICrossInstanceSignals>());
            Assert.Empty(onB.Received);
            return;
        }

        Assert.Equal(new GrantRevoked(_mentee), await onB.NextAsync());
        Assert.False(await _b.Access.CanReadAsync(_mentor, _mentee));
    }

    [Fact]
    public async Task Every_notifier_crosses_to_the_other_instance_and_calls_each_subscriber_once()
    {
        var a = Subscribe(_a);
        var b = Subscribe(_b);

        Publish(_a);

        a.AssertEachReceivedOnce(_mentee);
        if (!TestPostgres.IsConfigured)
        {
            b.AssertNothingReceived();
            return;
        }

        await b.WaitForEachAsync();
        b.AssertEachReceivedOnce(_mentee);

        // A hears its own signals too and must drop them. NOTIFY delivers in commit order, so once a signal B sends after
        // receiving A's arrives at A, A's own have arrived before it.
        var barrier = new Inbox<NotificationsChanged>();
        using (_a.Get<INotificationNotifier>().Subscribe("barrier", barrier.Add))
        {
            _b.Get<INotificationNotifier>().Publish("barrier");
            await barrier.NextAsync();
        }

        a.AssertEachReceivedOnce(_mentee);
    }

    [Fact]
    public async Task Listening_resumes_after_the_database_drops_the_connection()
    {
        if (!TestPostgres.IsConfigured)
        {
            Assert.DoesNotContain(_a.Get<IEnumerable<IHostedService>>(), s => s is PostgresSignals);
            return;
        }

        await using (var db = await _a.NewDbAsync())
        {
            // As a server restart or a network cut would: both instances lose their listening connection.
            var killed = await db.Database.SqlQueryRaw<bool>(
                $"SELECT pg_terminate_backend(pid) AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN {PostgresSignals.Channel}'").ToListAsync();
            Assert.Equal([true, true], killed);
        }

        // Signals sent while B reconnects are lost by design (pages catch up on their next load), so A keeps sending until
        // B listens again; the listener retries after one second first.
        var onB = new Inbox<AssessmentChanged>();
        using var subscribed = _b.Get<AssessmentNotifier>().Subscribe(_mentee, onB.Add);
        var deadline = DateTime.UtcNow + Inbox<AssessmentChanged>.Patience;
        while (onB.Received.Count == 0 && DateTime.UtcNow < deadline)
        {
            _a.Get<AssessmentNotifier>().Publish(_mentee, Competency);
            await Task.Delay(200);
        }

        Assert.Contains(new AssessmentChanged(Competency), onB.Received);
    }

    private void Publish(ServiceTestHost instance)
    {
        instance.Get<AssessmentNotifier>().Publish(_mentee, Competency);
        instance.Get<MentoringNotifier>().PublishFeedback(_mentee, Competency);
        instance.Get<MentoringNotifier>().PublishRevoked(_mentee, _mentor);
        instance.Get<MentoringNotifier>().PublishReviewQueue(_mentor);
        instance.Get<INotificationNotifier>().Publish(_mentee);
    }

    private Subscriptions Subscribe(ServiceTestHost instance) => new(instance, _mentee, _mentor);

    /// <summary>One subscriber of every notifier's event on one instance.</summary>
    private sealed class Subscriptions
    {
        public Subscriptions(ServiceTestHost instance, string mentee, string mentor)
        {
            instance.Get<AssessmentNotifier>().Subscribe(mentee, Assessment.Add);
            instance.Get<MentoringNotifier>().SubscribeToFeedback(mentee, Feedback.Add);
            instance.Get<MentoringNotifier>().SubscribeToRevocations(mentor, Revoked.Add);
            instance.Get<MentoringNotifier>().SubscribeToReviewQueue(mentor, Queue.Add);
            instance.Get<INotificationNotifier>().Subscribe(mentee, Notifications.Add);
        }

        public Inbox<AssessmentChanged> Assessment { get; } = new();

        public Inbox<FeedbackChanged> Feedback { get; } = new();

        public Inbox<GrantRevoked> Revoked { get; } = new();

        public Inbox<ReviewQueueChanged> Queue { get; } = new();

        public Inbox<NotificationsChanged> Notifications { get; } = new();

        public void AssertEachReceivedOnce(string mentee)
        {
            Assert.Equal(new AssessmentChanged(Competency), Assert.Single(Assessment.Received));
            Assert.Equal(new FeedbackChanged(Competency), Assert.Single(Feedback.Received));
            Assert.Equal(new GrantRevoked(mentee), Assert.Single(Revoked.Received));
            Assert.Equal(new ReviewQueueChanged(), Assert.Single(Queue.Received));
            Assert.Equal(new NotificationsChanged(), Assert.Single(Notifications.Received));
        }

        public void AssertNothingReceived() =>
            Assert.Equal([0, 0, 0, 0, 0], new[] { Assessment.Received.Count, Feedback.Received.Count, Revoked.Received.Count, Queue.Received.Count, Notifications.Received.Count });

        public Task WaitForEachAsync() =>
            Task.WhenAll(Assessment.NextAsync(), Feedback.NextAsync(), Revoked.NextAsync(), Queue.NextAsync(), Notifications.NextAsync());
    }
}

/// <summary>What a subscriber received, and a wait for the next one (failing after <see cref="Patience"/>).</summary>
internal sealed class Inbox<TEvent>
{
    /// <summary>Generous: the machines running CI are shared and slow; a signal normally arrives within milliseconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly List<TEvent> _received = [];
    private readonly Channel<TEvent> _arrived = Channel.CreateUnbounded<TEvent>();

    public IReadOnlyList<TEvent> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public void Add(TEvent e)
    {
        lock (_lock)
        {
            _received.Add(e);
        }

        _arrived.Writer.TryWrite(e);
    }

    /// <summary>The next event not yet waited for; a <see cref="TimeoutException"/> when none arrives in time.</summary>
    public async Task<TEvent> NextAsync() => await _arrived.Reader.ReadAsync().AsTask().WaitAsync(Patience);
}
