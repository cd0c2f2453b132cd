using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// <see cref="ICrossInstanceSignals"/> over PostgreSQL <c>LISTEN/NOTIFY</c> on the database the instances already share: a
/// hosted service holds one listening connection (reconnecting with a growing pause when it fails) and sends queued
/// signals in batches of <c>pg_notify</c> on pooled connections. A signal carries the sending instance's id, so an instance
/// ignores its own (it delivered them locally already). Signals sent while a listener is reconnecting are not replayed:
/// they only say "read again", and the data is in the database, so such a page catches up on its next load.
/// </summary>
public sealed partial class PostgresSignals : BackgroundService, ICrossInstanceSignals
{
    /// <summary>The notification channel every instance listens on.</summary>
    public const string Channel = "mlcareer_signals";

    private const int BatchSize = 100;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(30);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, Action<CrossInstanceSignal>> _handlers = new(StringComparer.Ordinal);

    // Bounded so a database outage cannot grow memory without limit; the oldest signals are the least useful ones.
    private readonly Channel<CrossInstanceSignal> _outbox = System.Threading.Channels.Channel.CreateBounded<CrossInstanceSignal>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly TaskCompletionSource _firstListen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly NpgsqlDataSource _sending;
    private readonly NpgsqlDataSource _listening;
    private readonly ILogger<PostgresSignals> _logger;

    public PostgresSignals(string connectionString, ILogger<PostgresSignals> logger)
    {
        _sending = NpgsqlDataSource.Create(connectionString);
        // Keepalives make a silently dropped connection (a restarted server, a lost route) fail, so the listener reconnects.
        _listening = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 15 }.ConnectionString);
        _logger = logger;
    }

    /// <summary>Completes when this instance listens for the first time; signals sent from then on reach it.</summary>
    public Task Listening => _firstListen.Task;

    public void Send(CrossInstanceSignal signal) => _outbox.Writer.TryWrite(signal);

    public void OnReceived(string kind, Action<CrossInstanceSignal> handler)
    {
        if (!_handlers.TryAdd(kind, handler))
        {
            throw new InvalidOperationException($"Signals of kind '{kind}' already have a handler.");
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _sending.Dispose();
        _listening.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendQueuedAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var retryDelay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _listening.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _firstListen.TrySetResult();
                retryDelay = FirstRetryDelay;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever broke the connection (server restart, network, a terminated backend), listening must resume.
                LogListenFailed(_logger, ex, retryDelay.TotalSeconds);
                try
                {
                    await Task.Delay(retryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, LastRetryDelay.Ticks));
            }
        }
    }

    private async Task SendQueuedAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(stoppingToken))
            {
                await using var batch = _sending.CreateBatch();
                while (batch.BatchCommands.Count < BatchSize && _outbox.Reader.TryRead(out var signal))
                {
                    var notify = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
                    notify.Parameters.Add(new NpgsqlParameter { Value = Channel });
                    notify.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(SignalEnvelope.Of(_instance, signal), JsonSerializerOptions.Web) });
                    batch.BatchCommands.Add(notify);
                }

                try
                {
                    await batch.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The changes themselves are stored; other instances' pages see them on their next load.
                    LogSendFailed(_logger, ex, batch.BatchCommands.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: signals still queued no longer matter to circuits that are closing.
        }
    }

    private void Deliver(string payload)
    {
        SignalEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<SignalEnvelope>(payload, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope is null || envelope.From == _instance || !_handlers.TryGetValue(envelope.Kind, out var handler))
        {
            return;
        }

        try
        {
            handler(new CrossInstanceSignal(envelope.Kind, envelope.User, envelope.Detail));
        }
        catch (Exception ex)
        {
            // A failing subscriber must not end listening for everyone else.
            LogDeliveryFailed(_logger, ex, envelope.Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other instances' signals failed; retrying in {Seconds} s")]
    private static partial void LogListenFailed(ILogger logger, Exception ex, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} signal(s) to other instances failed; their pages update on the next load")]
    private static partial void LogSendFailed(ILogger logger, Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber failed on a signal of kind {Kind} from another instance")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception ex, string kind);

    /// <summary>The <c>NOTIFY</c> payload: the sending instance plus the signal (well under PostgreSQL's 8000-byte limit).</summary>
    private sealed record SignalEnvelope(string From, string Kind, string User, string? Detail)
    {
        public static SignalEnvelope Of(string instance, CrossInstanceSignal signal) => new(instance, signal.Kind, signal.UserId, signal.Detail);
    }
}
