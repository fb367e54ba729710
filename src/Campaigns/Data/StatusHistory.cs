using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Campaigns.Data;

/// <summary>Writes <c>campaigns.campaign_status_history</c>, in the transaction of the move it records.</summary>
internal static class StatusHistory
{
    private const string Insert = """
        INSERT INTO campaigns.campaign_status_history
            (campaign_id, from_status, to_status, reason, actor_id, client_address, user_agent, changed_at)
        VALUES (@CampaignId, @FromStatus, @ToStatus, @Reason, @ActorId, @ClientAddress, @UserAgent, @ChangedAt)
        """;

    // Both columns are bounded; an oversized header must not fail the move it describes.
    private const int ClientAddressMaxLength = 100;
    private const int UserAgentMaxLength = 512;

    public static Task RecordAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        Guid campaignId,
        string? fromStatus,
        string toStatus,
        string? reason,
        Actor? actor,
        DateTimeOffset now,
        CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            Insert,
            new
            {
                CampaignId = campaignId,
                FromStatus = fromStatus,
                ToStatus = toStatus,
                Reason = reason,
                ActorId = actor?.ActorId,
                ClientAddress = Truncate(actor?.ClientAddress, ClientAddressMaxLength),
                UserAgent = Truncate(actor?.UserAgent, UserAgentMaxLength),
                ChangedAt = now.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));

    private static string? Truncate(string? value, int maxLength) =>
        value is { Length: var length } && length > maxLength ? value[..maxLength] : value;
}
