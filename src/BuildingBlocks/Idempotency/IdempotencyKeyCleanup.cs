using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>Deletes expired Idempotency-Key rows (kept 24 h by default) every hour.</summary>
internal sealed partial class IdempotencyKeyCleanup(
    NpgsqlDataSource dataSource,
    IOptions<IdempotencyKeyOptions> options,
    ILogger<IdempotencyKeyCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval);
        try
        {
            do
            {
                try
                {
                    var deleted = await IdempotencyStore.DeleteExpiredAsync(dataSource, stoppingToken);
                    LogDeleted(logger, deleted);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Expired rows are ignored by lookups anyway; the next round tries again.
                    LogFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} expired idempotency keys.")]
    static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired idempotency keys failed.")]
    static partial void LogFailed(ILogger logger, Exception exception);
}
