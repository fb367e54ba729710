using CareForAll.Query.Features.Ledger.Apply;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CareForAll.Query.Caching;

/// <summary>
/// The read side's Redis pub/sub: publishes changes, and subscribes this replica to everyone's. Pub/sub forgets what
/// it could not deliver, so while the subscription is down (or not yet proven) the replica serves from the database,
/// and once it is up again its memory starts empty. "Up" means a probe this replica published came back through the
/// subscription, not merely that a socket reconnected.
/// </summary>
internal sealed class RedisReadModelBus(
    IConnectionMultiplexer redis,
    ReadModelSignals signals,
    IOptions<ApplierOptions> options,
    ILogger<RedisReadModelBus> logger) : IReadModelBus, IHostedService, IDisposable
{
    public static readonly RedisChannel TotalsChannel = RedisChannel.Literal("careforall:query:totals");
    public static readonly RedisChannel ChangedChannel = RedisChannel.Literal("careforall:query:changed");

    private const string ProbePrefix = "probe:";

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _probeLock = new();
    private CancellationTokenSource? _probing;
    private TaskCompletionSource? _probeEcho;
    private string? _probeNonce;
    private Task _subscribing = Task.CompletedTask;
    private bool _disposed;

    public async Task PublishTotalsAsync(ReadOnlyMemory<byte> totals, CancellationToken ct) =>
        await redis.GetSubscriber().PublishAsync(TotalsChannel, totals.ToArray()).WaitAsync(options.Value.PublishTimeout, ct);

    public async Task PublishChangedAsync(string kind, CancellationToken ct) =>
        await redis.GetSubscriber().PublishAsync(ChangedChannel, kind).WaitAsync(options.Value.PublishTimeout, ct);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        // Never holds up the start: while Redis is away, reads simply go to the database.
        _subscribing = SubscribeAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may stop it after the container already disposed it.
        if (_disposed)
        {
            return;
        }

        redis.ConnectionFailed -= OnConnectionFailed;
        redis.ConnectionRestored -= OnConnectionRestored;
        lock (_probeLock)
        {
            _stopping.Cancel();
            _probing?.Cancel();
        }

        try
        {
            await _subscribing.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    // Called twice: the container disposes both the singleton and the hosted service it also is.
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        redis.ConnectionFailed -= OnConnectionFailed;
        redis.ConnectionRestored -= OnConnectionRestored;
        lock (_probeLock)
        {
            _disposed = true;
            _stopping.Cancel();
            _probing?.Cancel();
            _probing?.Dispose();
            _probing = null;
        }

        _stopping.Dispose();
    }

    private async Task SubscribeAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await subscriber.SubscribeAsync(TotalsChannel, (_, message) =>
                {
                    if ((byte[]?)message is { } totals)
                    {
                        signals.OnTotals(totals);
                    }
                });
                await subscriber.SubscribeAsync(ChangedChannel, (_, message) => OnChanged(message.ToString()));
                StartProbing();
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                logger.SubscribeFailed(ex);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnChanged(string message)
    {
        if (message.StartsWith(ProbePrefix, StringComparison.Ordinal))
        {
            lock (_probeLock)
            {
                if (_probeNonce is not null && message.AsSpan(ProbePrefix.Length).SequenceEqual(_probeNonce))
                {
                    _probeEcho?.TrySetResult();
                }
            }

            return;
        }

        signals.OnChanged(message);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        logger.RedisConnectionLost(e.ConnectionType, e.FailureType);
        lock (_probeLock)
        {
            // A probe that already came back must not trust the memory after this.
            _probing?.Cancel();
            signals.Distrust();
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        logger.RedisConnectionRestored(e.ConnectionType);
        // The library re-subscribes by itself; trust returns when a probe proves it.
        signals.Distrust();
        StartProbing();
    }

    private void StartProbing()
    {
        CancellationTokenSource probing;
        lock (_probeLock)
        {
            if (_disposed)
            {
                return;
            }

            _probing?.Cancel();
            _probing?.Dispose();
            _probing = probing = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        }

        _ = ProbeAsync(probing.Token);
    }

    /// <summary>Publishes a nonce until it comes back through the subscription, then trusts the memory again.</summary>
    private async Task ProbeAsync(CancellationToken ct)
    {
        var nonce = Guid.NewGuid().ToString("N");
        var echo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_probeLock)
        {
            _probeNonce = nonce;
            _probeEcho = echo;
        }

        while (!ct.IsCancellationRequested)
        {
            try
            {
                await redis.GetSubscriber().PublishAsync(ChangedChannel, ProbePrefix + nonce).WaitAsync(options.Value.PublishTimeout, ct);
                await echo.Task.WaitAsync(TimeSpan.FromSeconds(1), ct);
                lock (_probeLock)
                {
                    if (ct.IsCancellationRequested)
                    {
                        return;
                    }

                    signals.Trust();
                }

                logger.CacheTrusted();
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Not through yet; try again.
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
