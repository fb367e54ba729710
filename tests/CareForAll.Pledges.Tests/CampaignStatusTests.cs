using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TrackCampaignStatus = CareForAll.Pledges.Features.Campaigns.TrackCampaignStatus;

namespace CareForAll.Pledges.Tests;

[Collection(PostgresGroup.Name)]
public sealed class CampaignStatusTests(PostgresServer server)
{
    private static async Task DeliverAsync(NpgsqlDataSource database, Guid campaignId, string eventType, string? status, long version)
    {
        var data = new TrackCampaignStatus.CampaignEventData { CampaignId = campaignId, Status = status };
        var envelope = new IntegrationEvent(Guid.CreateVersion7(), eventType, DateTimeOffset.UtcNow, campaignId, version,
            JsonSerializer.SerializeToElement(data, MessagingJson.Options));
        var handler = new TrackCampaignStatus.Handler(TimeProvider.System, NullLogger<TrackCampaignStatus.Handler>.Instance);

        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await handler.HandleAsync(new EventContext<TrackCampaignStatus.CampaignEventData>(envelope, data, connection, transaction), default);
        await transaction.CommitAsync();
    }

    private static async Task<(string, long)> KnownAsync(NpgsqlDataSource database, Guid campaignId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(string, long)>(
            "SELECT status, version FROM pledges.campaigns WHERE id = @campaignId", new { campaignId });
    }

    [Fact]
    public async Task newer_campaign_events_replace_the_status_and_older_ones_do_not()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var campaign = Guid.NewGuid();

        await DeliverAsync(database, campaign, "campaign.activated", "active", 2);
        await DeliverAsync(database, campaign, "campaign.created", "draft", 1);
        (await KnownAsync(database, campaign)).ShouldBe(("active", 2L));

        await DeliverAsync(database, campaign, "campaign.updated", "ACTIVE", 3);
        await DeliverAsync(database, campaign, "campaign.cancelled", "cancelled", 4);
        await DeliverAsync(database, campaign, "campaign.goal_reached", "active", 3);
        (await KnownAsync(database, campaign)).ShouldBe(("cancelled", 4L));
    }

    [Fact]
    public async Task an_event_without_a_known_status_changes_nothing()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var campaign = Guid.NewGuid();
        await DeliverAsync(database, campaign, "campaign.created", "draft", 1);

        await DeliverAsync(database, campaign, "campaign.updated", null, 2);
        await DeliverAsync(database, campaign, "campaign.updated", "archived", 3);

        (await KnownAsync(database, campaign)).ShouldBe(("draft", 1L));
    }
}
