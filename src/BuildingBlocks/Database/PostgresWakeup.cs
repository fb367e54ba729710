using System.Threading.Channels;
using Npgsql;

namespace CareForAll.BuildingBlocks.Database;

/// <summary>
/// Wakes a background loop when rows it works on are written: a dedicated connection LISTENs on a channel that the
/// writers NOTIFY in their own transaction. Notifications can be missed (the connection drops, a replica starts late),
/// so a loop still looks after its poll interval; this only makes the usual case immediate.
/// </summary>
/// <param name="dataSource">The service's database.</param>
/// <param name="channel">The NOTIFY channel (a fixed identifier, never user input).</param>
/// <param name="onListenFailed">Reports a broken LISTEN connection before it is re-opened.</param>
public sealed class PostgresWakeup(NpgsqlDataSource dataSource, string channel, Action<Exception> onListenFailed)
{
    static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);
    static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    // One pending wake-up is enough: the loop takes everything there is each time it looks.
    readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks the loop to look now.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when woken or after <paramref name="pollInterval"/>, whichever comes first.</summary>
    /// <param name="pollInterval">The longest wait.</param>
    /// <param name="stoppingToken">Cancelled when the service stops (then this throws).</param>
    public async Task WaitAsync(TimeSpan pollInterval, CancellationToken stoppingToken)
    {
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
