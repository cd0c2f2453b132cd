using MudBlazor;

namespace MlCareer.Web.Components.Layout;

public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00796b", // white text on the former #00897b (level badges) is 4.31:1, under AA's 4.5
            Info = "#0a66c2", // MudBlazor's #0c80df as outlined-alert text on Background is 3.82:1
            Success = "#1b5e20", // MudBlazor's #00c853 is 2:1 on a text chip; this passes WCAG AA
            Warning = "#9a5b00", // the default #ff9800 as outlined-alert text is about 2:1
            Error = "#c62828", // the default #f44336 is 3.5:1 as a heading and 3.7:1 under white button text
            TextSecondary = "rgba(0,0,0,0.6)", // the default 0.54 is 4.47:1 on Background, just under AA's 4.5
            AppbarBackground = "#283593",
            Background = "#f7f8fc",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9fa8da",
            PrimaryContrastText = "#12141f", // white on this light primary is 2.3:1
            Secondary = "#4db6ac",
            SecondaryContrastText = "#12141f", // white on this light teal is 2.4:1
            Error = "#e57373",
            WarningContrastText = "#12141f", // white on the light amber warning is under 2:1
            ErrorContrastText = "#12141f", // white on an error button is 3.7:1 with the default red
            AppbarBackground = "#1a1f3d",
            Background = "#12141f",
            Surface = "#1c1f2e",
            DrawerBackground = "#171a28",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "264px" },
    };
}
