using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MlCareer.Web.Features.Account;

namespace MlCareer.Web.Components.Common;

/// <summary>
/// The base of components that act for the signed-in user: one way to get their id, one meaning of "live", and one way
/// to run work that arrives off the render thread (notifications, timers, debounced saves).
/// </summary>
public abstract class UserComponentBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    /// <summary>
    /// False while the component is prerendered and the circuit is not connected yet: controls stay disabled until then,
    /// because a click or typing before that would be silently lost when the interactive render replaces the page's HTML.
    /// </summary>
    protected bool Live => RendererInfo.IsInteractive;

    /// <summary>The signed-in user's id, or null for an anonymous reader.</summary>
    protected async Task<string?> GetUserIdAsync() => AuthState is null ? null : (await AuthState).User.GetUserId();

    /// <summary>
    /// Runs <paramref name="work"/> on the renderer's context and renders afterwards. A failure is handed to the renderer
    /// (<see cref="ComponentBase.DispatchExceptionAsync"/>), which logs it and ends the circuit as any other unhandled
    /// exception in the component would, instead of vanishing in a discarded task.
    /// </summary>
    protected void RunInBackground(Func<Task> work) => _ = InvokeAsync(async () =>
    {
        try
        {
            await work();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    });
}
