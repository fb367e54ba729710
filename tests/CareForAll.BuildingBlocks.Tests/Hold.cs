namespace CareForAll.BuildingBlocks.Tests;

/// <summary>
/// Keeps code under test at a known point until the test lets it go, so overlaps are arranged, not left to timing.
/// Open unless a test closes it.
/// </summary>
public sealed class Hold
{
    TaskCompletionSource _released = Released();

    public void Close() => _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _released.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => _released.Task.WaitAsync(cancellationToken);

    static TaskCompletionSource Released()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }
}
