using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Features.Progress;

/// <summary>
/// The save state of one autosaved input (pending, saving, saved, failed with a sentence) and its debounce: every
/// autosaving control (level scale, note, evidence, inline level picker) uses one of these.
/// </summary>
public sealed class AutoSave(Func<Problem, string> describe) : IDisposable
{
    // Saves of one input run one after another, so a later save (say, a note just marked private) can never be
    // overtaken by an earlier one still on its way to the database.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private CancellationTokenSource? _debounce;

    public SaveState State { get; private set; }

    public string? Error { get; private set; }

    public bool IsSaving => State == SaveState.Saving;

    /// <summary>Saves now (cancelling a scheduled save) and records the outcome; returns the stored state on success.</summary>
    public async Task<T?> RunAsync<T>(Func<Task<ServiceResult<T>>> save)
        where T : class
    {
        CancelScheduled();
        State = SaveState.Saving;
        await _oneAtATime.WaitAsync();
        try
        {
            var result = await save();
            (State, Error) = result.Problem is { } problem ? (SaveState.Failed, describe(problem)) : (SaveState.Saved, (string?)null);
            return result.Value;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Records a failure found before saving (for example a signed-out user).</summary>
    public void Fail(string error) => (State, Error) = (SaveState.Failed, error);

    /// <summary>Marks the input unsaved and calls <paramref name="save"/> after <paramref name="delay"/> unless more input comes first.</summary>
    public void Schedule(TimeSpan delay, Action save)
    {
        State = SaveState.Pending;
        CancelScheduled();
        _debounce = new CancellationTokenSource();
        _ = WaitThenAsync(delay, save, _debounce.Token);
    }

    public void Dispose() => CancelScheduled();

    private static async Task WaitThenAsync(TimeSpan delay, Action save, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        save();
    }

    private void CancelScheduled()
    {
        _debounce?.Cancel();
        _debounce?.Dispose();
        _debounce = null;
    }
}
