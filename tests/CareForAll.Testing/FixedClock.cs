using System.Globalization;

namespace CareForAll.Testing;

/// <summary>A clock that says what the test tells it to (safe to read and move from several threads).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    long _ticks = now.UtcTicks;

    /// <summary>The time it says.</summary>
    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    /// <summary>A clock at <paramref name="instant"/> (ISO 8601).</summary>
    public static FixedClock At(string instant) => new(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Moves the clock on.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
