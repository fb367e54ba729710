namespace CareForAll.Notifications.Directories;

/// <summary>Guest email addresses known to have donations: the only ones the "send me my donations" link goes to.</summary>
internal static class GuestDonors
{
    private const string Remember = """
        INSERT INTO notifications.guest_donors (email, first_seen_at)
        VALUES (@Email, @Now)
        ON CONFLICT (email) DO NOTHING
        """;

    // Known, and no link sent within the interval: take the slot in the same statement, so two replicas deciding
    // two requests for one address at once send one mail.
    private const string TakeLinkSlot = """
        UPDATE notifications.guest_donors
        SET last_link_sent_at = @RequestedAt
        WHERE email = @Email AND (last_link_sent_at IS NULL OR last_link_sent_at <= @NotBefore)
        """;

    public static Task RememberAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string email, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(Remember, new { Email = Normalize(email), Now = now.UtcDateTime }, transaction, cancellationToken: ct));

    /// <summary>Whether a link may go to <paramref name="email"/> for a request made at <paramref name="requestedAt"/>; if so, records it as sent.</summary>
    public static async Task<bool> TakeLinkSlotAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string email, DateTimeOffset requestedAt, TimeSpan interval, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            TakeLinkSlot,
            new { Email = Normalize(email), RequestedAt = requestedAt.UtcDateTime, NotBefore = (requestedAt - interval).UtcDateTime },
            transaction,
            cancellationToken: ct)) > 0;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
