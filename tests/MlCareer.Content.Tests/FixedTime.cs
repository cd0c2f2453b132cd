using System.Globalization;

namespace MlCareer.Content.Tests;

/// <summary>A clock that always says the same instant.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public FixedTime(string isoInstant)
        : this(DateTimeOffset.Parse(isoInstant, CultureInfo.InvariantCulture))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
