using System.Globalization;

namespace CareForAll.Campaigns.Tests;

/// <summary>A clock that says what the test tells it.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static FixedClock At(string instant) => new(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

    public override DateTimeOffset GetUtcNow() => Now;
}
