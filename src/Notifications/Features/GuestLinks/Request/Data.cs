using CareForAll.Notifications.Mail;

namespace CareForAll.Notifications.Features.GuestLinks.Request;

internal static class Data
{
    private const string Append = $"""
        WITH appended AS (
            INSERT INTO notifications.guest_link_requests (email, requested_at) VALUES (@Email, @Now) RETURNING id
        )
        SELECT count(*) FROM (SELECT pg_notify('{MailQueue.NotifyChannel}', '') FROM appended) AS notified
        """;

    public static async Task AppendAsync(NpgsqlDataSource database, string email, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(Append, new { Email = email, Now = now.UtcDateTime }, cancellationToken: ct));
    }
}
