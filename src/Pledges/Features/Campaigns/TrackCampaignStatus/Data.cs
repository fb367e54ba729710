namespace CareForAll.Pledges.Features.Campaigns.TrackCampaignStatus;

internal static class Data
{
    // Only a newer version replaces what is known, so a late event never brings back an older status.
    private const string ApplyStatus = """
        INSERT INTO pledges.campaigns AS c (id, status, version, updated_at)
        VALUES (@Id, @Status, @Version, @Now)
        ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
        WHERE c.version < EXCLUDED.version
        """;

    /// <summary>Records the campaign's status at <paramref name="version"/>; false when a newer one was already known.</summary>
    public static async Task<bool> ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, string status, long version, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            ApplyStatus,
            new { Id = campaignId, Status = status, Version = version, Now = now.UtcDateTime },
            transaction,
            cancellationToken: ct)) > 0;
}
