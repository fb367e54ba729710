using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;

namespace CareForAll.BuildingBlocks.Database;

/// <summary>
/// Wakes a background loop when rows it works on are written. Writers in this process call <see cref="Signal"/> (no
/// NOTIFY in their transaction: a notifying commit takes PostgreSQL's cluster-wide notify lock and holds it across its
/// WAL flush, which serialises every such commit). A signal arrives before the writer commits, so for a short while
/// afterwards the loop looks again every few milliseconds. A dedicated connection still LISTENs on the channel, for
/// anyone who NOTIFYs by hand; a loop still looks after its poll interval.
/// </summary>
/// <param name="dataSource">The service's database.</param>
/// <param name="channel">The NOTIFY channel (a fixed identifier, never user input).</param>
/// <param name="onListenFailed">Reports a broken LISTEN connection before it is re-opened.</param>
public sealed class PostgresWakeup(NpgsqlDataSource dataSource, string channel, Action<Exception> onListenFailed)
{
    static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);
    static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    // After a signal the writer's commit is usually a few milliseconds away: look again this often, for this long.
    static readonly TimeSpan SignalledLookInterval = TimeSpan.FromMilliseconds(3);
    const long SignalledWindowMs = 250;

    static readonly ConcurrentDictionary<string, PostgresWakeup[]> Local = new(StringComparer.Ordinal);

    long _signalledUntil;

    // One pending wake-up is enough: the loop takes everything there is each time it looks.
    readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks the loop to look now.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>
    /// Wakes this process's loops on <paramref name="channel"/>; call it where the rows are written (before the commit is
    /// fine: the loops keep looking for a moment).
    /// </summary>
    /// <param name="channel">The channel the loop was created with.</param>
    public static void Signal(string channel)
    {
        if (!Local.TryGetValue(channel, out var wakeups))
        {
            return;
        }

        foreach (var wakeup in wakeups)
        {
            Volatile.Write(ref wakeup._signalledUntil, Environment.TickCount64 + SignalledWindowMs);
            wakeup.Wake();
        }
    }

    /// <summary>Returns when woken or after <paramref name="pollInterval"/>, whichever comes first.</summary>
    /// <param name="pollInterval">The longest wait.</param>
    /// <param name="stoppingToken">Cancelled when the service stops (then this throws).</param>
    public async Task WaitAsync(TimeSpan pollInterval, CancellationToken stoppingToken)
    {
        if (Volatile.Read(ref _signalledUntil) > Environment.TickCount64 && pollInterval > SignalledLookInterval)
        {
            pollInterval = SignalledLookInterval;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(pollInterval);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Nothing announced within the poll interval: look anyway.
        }
    }

    /// <summary>Holds the LISTEN connection until <paramref name="stoppingToken"/> is cancelled, re-opening it when it breaks.</summary>
    /// <param name="stoppingToken">Cancelled when the service stops.</param>
    public async Task ListenAsync(CancellationToken stoppingToken)
    {
        // While the loop runs, signals from this process reach it.
        Local.AddOrUpdate(channel, _ => [this], (_, existing) => [.. existing, this]);
        try
        {
            await ListenLoopAsync(stoppingToken);
        }
        finally
        {
            Local.AddOrUpdate(channel, _ => [], (_, existing) => [.. existing.Where(w => !ReferenceEquals(w, this))]);
        }
    }

    async Task ListenLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was written while nobody listened is picked up now.
                Wake();
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(KeepAlive, stoppingToken))
                    {
                        // A quiet connection may be dead without knowing it; a round trip finds out.
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                onListenFailed(ex);
                try
                {
                    await Task.Delay(ReconnectDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
