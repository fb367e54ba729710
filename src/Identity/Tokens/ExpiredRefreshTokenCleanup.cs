namespace CareForAll.Identity.Tokens;

/// <summary>Deletes refresh-token families whose every token expired over a day ago, once an hour.</summary>
internal sealed class ExpiredRefreshTokenCleanup(NpgsqlDataSource database, ILogger<ExpiredRefreshTokenCleanup> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    // Whole families only: a family's rows point at each other (replaced_by), and a spent token must stay
    // recognisable as reused for as long as any token of its family could still be presented.
    private const string DeleteExpiredFamilies = """
        DELETE FROM auth.refresh_tokens
        WHERE family_id IN (
            SELECT family_id
            FROM auth.refresh_tokens
            GROUP BY family_id
            HAVING max(expires_at) < now() - interval '1 day')
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stoppingToken);
                var removed = await connection.ExecuteAsync(new CommandDefinition(DeleteExpiredFamilies, cancellationToken: stoppingToken));
                if (removed > 0)
                {
                    logger.ExpiredRefreshTokensRemoved(removed);
                }
            }
            catch (NpgsqlException)
            {
                // The database is away; the next tick tries again.
            }
        }
    }
}
