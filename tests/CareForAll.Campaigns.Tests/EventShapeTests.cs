using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Campaigns.Data;
using CareForAll.Campaigns.Events;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Campaigns.Tests;

public sealed class EventShapeTests
{
    [Fact]
    public void a_campaign_event_has_exactly_the_contracts_fields()
    {
        var row = new CampaignRow
        {
            Id = Guid.NewGuid(),
            Title = "Heart surgery",
            CampaignType = "medical",
            GoalAmount = 1000m,
            CurrentAmount = 250.5m,
            Currency = "BDT",
            StartDate = DateTime.UtcNow,
            Status = "active",
            OrganizerId = Guid.NewGuid(),
            Version = 4,
        };
        var data = CampaignEventMapper.ToEvent(
            row, "draft", "approved", null, null, new Actor(Guid.NewGuid(), "203.0.113.7", "tests", "ADMIN"), DateTimeOffset.UtcNow);

        var json = JsonSerializer.SerializeToElement(data, MessagingJson.Options);

        json.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["campaignId", "title", "campaignType", "status", "previousStatus", "goalAmount", "currentAmount", "currency", "organizerId",
             "startDate", "endDate", "goalReachedAt", "reason", "changes", "previous", "actor", "occurredAt"],
            ignoreOrder: true);
        json.GetProperty("actor").EnumerateObject().Select(p => p.Name).ShouldBe(["actorId", "clientAddress", "userAgent", "role"], ignoreOrder: true);
        json.GetProperty("actor").GetProperty("role").GetString().ShouldBe("ADMIN");
        json.GetProperty("previous").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("campaignId").GetGuid().ShouldBe(row.Id);
        json.GetProperty("currentAmount").GetDecimal().ShouldBe(250.5m);
    }

    [Fact]
    public void timestamps_read_from_the_database_are_utc()
    {
        var stored = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Unspecified);

        DbTime.ToUtc(stored).Offset.ShouldBe(TimeSpan.Zero);
        DbTime.ToUtc(stored).UtcDateTime.ShouldBe(new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc));
    }
}
