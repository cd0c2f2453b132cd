using System.Globalization;

namespace MlCareer.Web.Features.Roadmap;

/// <summary>Numbers as SVG attributes and paths want them: one decimal at most, invariant culture ("12.5", never "12,5").</summary>
public static class SvgNumber
{
    public static string Format(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
