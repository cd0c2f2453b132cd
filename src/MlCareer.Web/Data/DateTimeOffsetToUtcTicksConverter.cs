using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MlCareer.Web.Data;

/// <summary>Stores every <see cref="DateTimeOffset"/> as UTC ticks, so it sorts and compares in SQL on any provider.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
