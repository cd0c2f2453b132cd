using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>
/// Once armed for N operations, holds each DbContext at its first write (a transaction start or any command other than a
/// SELECT) until N contexts have got there. All N have then done their reads before any of them writes: the widest
/// window a read-check-write race can have, every time, instead of whatever the thread pool happens to do.
/// </summary>
public sealed class WriteBarrier : DbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ConcurrentDictionary<DbContext, bool> _arrived = new(ReferenceEqualityComparer.Instance);
    private TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _participants;
    private int _count;

    /// <summary>From now on, the next <paramref name="participants"/> contexts to write wait for each other.</summary>
    public void Arm(int participants)
    {
        _arrived.Clear();
        _count = 0;
        _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _participants, participants);
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            await ArriveAsync(eventData.Context);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await ArriveAsync(eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await ArriveAsync(eventData.Context);
        return result;
    }

    private async Task ArriveAsync(DbContext? context)
    {
        var participants = Volatile.Read(ref _participants);
        if (participants == 0 || context is null || !_arrived.TryAdd(context, true))
        {
            return;
        }

        var allArrived = _allArrived;
        if (Interlocked.Increment(ref _count) == participants)
        {
            Volatile.Write(ref _participants, 0);
            allArrived.SetResult();
        }

        // A bound so a broken test fails instead of hanging; the N operations get here within milliseconds.
        await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
