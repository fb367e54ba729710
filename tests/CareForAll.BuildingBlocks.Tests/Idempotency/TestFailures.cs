namespace CareForAll.BuildingBlocks.Tests.Idempotency;

public sealed class TestFailures
{
    int _remaining;

    public void FailNext(int count) => Interlocked.Exchange(ref _remaining, count);

    public bool TakeFailure() => Interlocked.Decrement(ref _remaining) >= 0;
}
