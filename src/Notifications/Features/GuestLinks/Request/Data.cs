using CareForAll.BuildingBlocks.Database;
using CareForAll.Notifications.Mail;

namespace CareForAll.Notifications.Features.GuestLinks.Request;

internal static class Data
{
    private const string Append = "INSERT INTO notifications.guest_link_requests (email, requested_at) VALUES (@Email, @Now)";

    public static async Task AppendAsync(NpgsqlDataSource database, string email, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Append, new { Email = email, Now = now.UtcDateTime }, cancellationToken: ct));
        PostgresWakeup.Signal(MailQueue.NotifyChannel);
    }
}
