using MudBlazor;

namespace MlCareer.Web.Components.Common;

/// <summary>One recognisable icon per known area id; unknown areas get a generic one.</summary>
public static class AreaIcons
{
    public static string For(string areaId) => areaId switch
    {
        "math" => Icons.Material.Filled.Functions,
        "programming" => Icons.Material.Filled.Code,
        "frameworks" => Icons.Material.Filled.Layers,
        "data" => Icons.Material.Filled.Storage,
        "algorithms" => Icons.Material.Filled.AccountTree,
        "practice" => Icons.Material.Filled.Build,
        "domain" => Icons.Material.Filled.Public,
        "soft-skills" => Icons.Material.Filled.Forum,
        _ => Icons.Material.Filled.School,
    };
}
