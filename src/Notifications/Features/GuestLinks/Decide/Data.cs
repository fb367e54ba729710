namespace CareForAll.Notifications.Features.GuestLinks.Decide;

internal sealed class LinkRequest
{
    public long Id { get; init; }

    public string Email { get; init; } = "";

    public DateTime RequestedAt { get; init; }
}

internal static class Data
{
    // Taken and removed in one statement; SKIP LOCKED lets two replicas decide different requests.
    private const string Take = """
        DELETE FROM notifications.guest_link_requests
        WHERE id IN (
            SELECT id FROM notifications.guest_link_requests ORDER BY id LIMIT @Limit FOR UPDATE SKIP LOCKED
        )
        RETURNING id AS Id, email AS Email, requested_at AS RequestedAt
        """;

    public static async Task<IReadOnlyList<LinkRequest>> TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, CancellationToken ct) =>
        [.. (await connection.QueryAsync<LinkRequest>(new CommandDefinition(Take, new { Limit = limit }, transaction, cancellationToken: ct)))
            .OrderBy(r => r.Id)];
}
