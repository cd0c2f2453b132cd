namespace MlCareer.Web.Infrastructure;

/// <summary>The light/dark choice lives in a cookie so static server rendering can paint the right theme on first byte.</summary>
public static class ThemeCookie
{
    public const string Name = "mlcareer-theme";

    public static bool IsDark(HttpContext? context) => context?.Request.Cookies[Name] == "dark";
}
