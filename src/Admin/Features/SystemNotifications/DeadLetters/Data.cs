namespace CareForAll.Admin.Features.SystemNotifications.DeadLetters;

internal sealed record QueueCount(long MessageCount, int Increases);

internal static class Data
{
    private const string Ensure = """
        INSERT INTO admin.dead_letter_counts (queue_name, message_count, increases, observed_at)
        VALUES (@Queue, 0, 0, @Now)
        ON CONFLICT (queue_name) DO NOTHING
        """;

    // Locked, so two replicas counting at once compare in turn and one of them raises the notification.
    private const string Lock = """
        SELECT message_count AS MessageCount, increases AS Increases
        FROM admin.dead_letter_counts WHERE queue_name = @Queue FOR UPDATE
        """;

    private const string Save = """
        UPDATE admin.dead_letter_counts
        SET message_count = @Count, increases = @Increases, observed_at = @Now
        WHERE queue_name = @Queue
        """;

    public static async Task<QueueCount> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string queue, DateTimeOffset now, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(Ensure, new { Queue = queue, Now = now.UtcDateTime }, transaction, cancellationToken: ct));
        return await connection.QuerySingleAsync<QueueCount>(new CommandDefinition(Lock, new { Queue = queue }, transaction, cancellationToken: ct));
    }

    public static Task SaveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string queue, long count, int increases, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            Save, new { Queue = queue, Count = count, Increases = increases, Now = now.UtcDateTime }, transaction, cancellationToken: ct));
}
