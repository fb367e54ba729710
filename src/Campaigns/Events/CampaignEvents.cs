using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Campaigns.Data;

namespace CareForAll.Campaigns.Events;

/// <summary>Adds a campaign event to the outbox, in the transaction that made the change.</summary>
internal static class CampaignEvents
{
    /// <param name="row">The campaign after the change; its version is the event's aggregate version.</param>
    public static Task<Guid> AddAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string eventType,
        CampaignRow row,
        CampaignChange change,
        DateTimeOffset occurredAt,
        CancellationToken ct) =>
        Outbox.AddAsync(
            connection,
            transaction,
            eventType,
            row.Id,
            row.Version,
            CampaignEventMapper.ToEvent(row, change.PreviousStatus, change.Reason, change.Changes, change.Previous, change.Actor, occurredAt),
            ct);
}
