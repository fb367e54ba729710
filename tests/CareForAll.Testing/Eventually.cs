namespace CareForAll.Testing;

/// <summary>Waits on a condition with a deadline, polling, instead of sleeping and hoping.</summary>
public static class Eventually
{
    static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Returns once <paramref name="condition"/> holds; fails with <paramref name="failure"/> after <paramref name="timeout"/>.</summary>
    /// <param name="condition">The condition, asked again after each <paramref name="pollInterval"/>.</param>
    /// <param name="timeout">The deadline.</param>
    /// <param name="failure">What did not happen, for the failure message.</param>
    /// <param name="pollInterval">The pause between checks (20 ms unless given; more for checks that cost a request).</param>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure, TimeSpan? pollInterval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, failure);
            await Task.Delay(pollInterval ?? DefaultPollInterval);
        }
    }

    /// <summary>
    /// Returns once <paramref name="condition"/> holds; after <paramref name="timeout"/> fails with what
    /// <paramref name="failure"/> says then, for a condition whose failure is best told by its last state.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure, TimeSpan pollInterval)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(failure);
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new ShouldAssertException(failure());
            }

            await Task.Delay(pollInterval);
        }
    }
}
