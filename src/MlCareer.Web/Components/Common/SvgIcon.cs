using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace MlCareer.Web.Components.Common;

/// <summary>
/// A decorative MudBlazor icon as the svg markup MudIcon renders (same classes, so MudBlazor's icon styles apply). For
/// the interactive islands: there each MudIcon is one more component instance with its own render-tree buffers for as
/// long as the circuit lives, while markup is a single frame of its parent's tree.
/// </summary>
public static class SvgIcon
{
    // A handful of icon and class pairs: each markup string is built once and shared by every render.
    private static readonly ConcurrentDictionary<(string Icon, string Classes), MarkupString> Markups = new();

    public static MarkupString Small(string icon, string? classes = null) => Markup(icon, Join("mud-icon-size-small", classes));

    public static MarkupString Medium(string icon, string? classes = null) => Markup(icon, Join("mud-icon-size-medium", classes));

    private static string Join(string size, string? classes) => classes is null ? size : $"{classes} {size}";

    private static MarkupString Markup(string icon, string classes) =>
        Markups.GetOrAdd((icon, classes), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon {key.Classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>"));
}
