using Microsoft.AspNetCore.Components;
using MlCareer.Web.Components.Common;
using MudBlazor;

namespace MlCareer.Web.Features.Progress;

/// <summary>
/// A small live status for autosaved input: pending, saving, saved, or failed with a retry button. Markup in its owner's
/// render tree rather than a component of its own: every autosaved control shows one, and on the interactive pages each
/// component instance keeps its own render-tree buffers for as long as the circuit lives.
/// </summary>
public static class SaveStatus
{
    /// <param name="owner">The component that shows the status; it handles the retry click and renders afterwards.</param>
    public static RenderFragment For(SaveState state, string? error, IHandleEvent owner, Func<Task> retry) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "save-status " + state.ToString().ToLowerInvariant());
        builder.AddAttribute(2, "role", "status");
        builder.AddAttribute(3, "aria-live", "polite");
        if (state == SaveState.Saved)
        {
            builder.AddMarkupContent(4, SvgIcon.Small(Icons.Material.Filled.CheckCircle).Value);
        }
        else if (state == SaveState.Failed)
        {
            builder.AddMarkupContent(5, SvgIcon.Small(Icons.Material.Filled.ErrorOutline).Value);
        }

        var text = state switch
        {
            SaveState.Pending => "Unsaved changes…",
            SaveState.Saving => "Saving…",
            SaveState.Saved => "Saved",
            SaveState.Failed => error ?? "Not saved.",
            _ => null,
        };
        if (text is not null)
        {
            builder.OpenElement(6, "span");
            builder.AddAttribute(7, "class", state == SaveState.Failed ? "save-error" : null);
            builder.AddContent(8, text);
            builder.CloseElement();
        }

        if (state == SaveState.Failed)
        {
            builder.OpenElement(9, "button");
            builder.AddAttribute(10, "type", "button");
            builder.AddAttribute(11, "class", "link-button");
            builder.AddAttribute(12, "onclick", EventCallback.Factory.Create(owner, retry));
            builder.AddContent(13, "Retry");
            builder.CloseElement();
        }

        builder.CloseElement();
    };
}
