namespace CareForAll.SslCommerzSandbox.Tests;

/// <summary>The real clock moved forward on demand; timers stay real, so delays and retries still run.</summary>
internal sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
