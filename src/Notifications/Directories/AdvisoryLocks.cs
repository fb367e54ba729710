namespace CareForAll.Notifications.Directories;

/// <summary>
/// Transaction-scoped advisory locks on one campaign or one user. Handlers that read a directory to decide a mail
/// and handlers that fill it take the same lock, so a mail is never left waiting for a fact that a concurrent
/// transaction was committing at that moment. Always campaign before user, so two handlers never deadlock.
/// </summary>
internal static class AdvisoryLocks
{
    private const string Take = "SELECT pg_advisory_xact_lock(@Space, @Key)";

    public static Task TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int space, Guid id, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(Take, new { Space = space, Key = Fold(id) }, transaction, cancellationToken: ct));

    /// <summary>The id folded to 32 bits; two ids sharing a key only wait for each other.</summary>
    private static int Fold(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BitConverter.ToInt32(bytes[..4]) ^ BitConverter.ToInt32(bytes[4..8]) ^ BitConverter.ToInt32(bytes[8..12]) ^ BitConverter.ToInt32(bytes[12..]);
    }
}

/// <summary>The lock on one campaign's donor and organiser mail decisions.</summary>
internal static class CampaignLock
{
    private const int Space = 0x4E4F5443; // "NOTC"

    public static Task TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, CancellationToken ct) =>
        AdvisoryLocks.TakeAsync(connection, transaction, Space, campaignId, ct);
}

/// <summary>The lock on one user's directory entry and the mail waiting for it.</summary>
internal static class UserLock
{
    private const int Space = 0x4E4F5455; // "NOTU"

    public static Task TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, CancellationToken ct) =>
        AdvisoryLocks.TakeAsync(connection, transaction, Space, userId, ct);
}
