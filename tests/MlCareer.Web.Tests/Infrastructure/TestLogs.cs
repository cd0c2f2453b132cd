using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>A logger provider that keeps every entry, with its event id and structured values, for tests to inspect.</summary>
public sealed class TestLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>The operation and acting user of the one failed write logged (event 1001, <c>DatabaseLog.WriteFailed</c>).</summary>
    public (string Operation, string UserId) SingleWriteFailure()
    {
        var failure = Assert.Single(Entries, e => e.EventId.Id == 1001).Values;
        return ((string)failure["Operation"]!, (string)failure["UserId"]!);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values);

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values));
        }
    }
}
