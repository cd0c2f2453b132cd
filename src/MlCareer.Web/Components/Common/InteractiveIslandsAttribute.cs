namespace MlCareer.Web.Components.Common;

/// <summary>
/// Marks a page that renders interactive Server islands for a signed-in reader, so it opens a circuit anyway: there the
/// app bar's counters join that circuit and follow changes live. Everywhere else they are rendered once per request, so
/// a signed-in page with nothing interactive opens no circuit (each one costs server memory for as long as the tab
/// stays open). Pages with a page-wide <c>@rendermode</c> need no mark; see <see cref="IsInteractive"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InteractiveIslandsAttribute : Attribute
{
    /// <summary>Whether the page component <paramref name="page"/> opens a circuit for a signed-in reader.</summary>
    public static bool IsInteractive(Type page) =>
        page.IsDefined(typeof(InteractiveIslandsAttribute), inherit: false)
        || page.IsDefined(typeof(Microsoft.AspNetCore.Components.RenderModeAttribute), inherit: true);
}
