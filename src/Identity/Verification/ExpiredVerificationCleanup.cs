namespace CareForAll.Identity.Verification;

/// <summary>
/// Deletes verifications that expired over a day ago, once an hour. They can verify nothing any more, and the
/// resend limit only counts the last hour's.
/// </summary>
internal sealed class ExpiredVerificationCleanup(NpgsqlDataSource database, ILogger<ExpiredVerificationCleanup> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private const string DeleteExpired = """
        DELETE FROM auth.email_verifications WHERE expires_at < now() - interval '1 day'
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stoppingToken);
                var removed = await connection.ExecuteAsync(new CommandDefinition(DeleteExpired, cancellationToken: stoppingToken));
                if (removed > 0)
                {
                    logger.ExpiredVerificationsRemoved(removed);
                }
            }
            catch (NpgsqlException)
            {
                // The database is away; the next tick tries again.
            }
        }
    }
}
