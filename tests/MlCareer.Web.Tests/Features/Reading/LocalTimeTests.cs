using Bunit;
using MlCareer.Web.Components.Common;

namespace MlCareer.Web.Tests.Features.Reading;

public sealed class LocalTimeTests : BunitContext
{
    [Fact]
    public void Writes_the_instant_for_the_browser_and_a_utc_fallback()
    {
        var at = new DateTimeOffset(2026, 3, 4, 22, 15, 0, TimeSpan.FromHours(-2));

        var cut = Render<LocalTime>(p => p.Add(t => t.Value, at).Add(t => t.WithTime, true));

        var element = cut.Find("local-time");
        Assert.Equal(at, DateTimeOffset.Parse(element.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("datetime", element.GetAttribute("data-format"));
        Assert.Equal("5 Mar 2026, 00:15 UTC", element.TextContent);
    }
}
