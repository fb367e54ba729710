using CareForAll.Campaigns.Features.Closing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareForAll.Campaigns.Tests;

[Collection(PostgresGroup.Name)]
public sealed class ClosingTests(PostgresServer server)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static CampaignClosing Closing(CampaignDatabase db, int batchSize = 100) => new(
        db.DataSource,
        new FixedClock(Now),
        TestMeters.Metrics,
        Options.Create(new ClosingOptions { BatchSize = batchSize }),
        NullLogger<CampaignClosing>.Instance);

    private static Task<Guid> EndedAsync(CampaignDatabase db, decimal goal, decimal current, string status = "active") =>
        db.InsertCampaignAsync(status: status, goal: goal, current: current, start: Now.AddDays(-30), end: Now.AddMinutes(-1));

    [Fact]
    public async Task an_ended_campaign_that_reached_its_goal_completes_and_one_that_did_not_expires()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var reached = await EndedAsync(db, goal: 1000m, current: 1000m);
        var missed = await EndedAsync(db, goal: 1000m, current: 999.99m);
        var running = await db.InsertCampaignAsync(goal: 1000m, current: 5000m, start: Now.AddDays(-1), end: Now.AddDays(1));
        var draft = await EndedAsync(db, goal: 1000m, current: 0m, status: "draft");

        (await Closing(db).CloseEndedAsync(CancellationToken.None)).ShouldBe(2);

        (await db.StatusAsync(reached)).ShouldBe("completed");
        (await db.StatusAsync(missed)).ShouldBe("expired");
        (await db.StatusAsync(running)).ShouldBe("active");
        (await db.StatusAsync(draft)).ShouldBe("draft");

        var completed = (await db.EventsAsync("campaign.completed", reached)).ShouldHaveSingleItem();
        completed.GetProperty("previousStatus").GetString().ShouldBe("active");
        completed.GetProperty("status").GetString().ShouldBe("completed");
        completed.GetProperty("reason").GetString().ShouldBe(CampaignClosing.Reason);
        (await db.EventCountAsync("campaign.expired", missed)).ShouldBe(1);
        (await db.ScalarAsync<long>(
            "SELECT count(*) FROM campaigns.campaign_status_history WHERE campaign_id = @id AND from_status = 'active' AND to_status = 'expired'",
            ("id", missed))).ShouldBe(1);
        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaigns WHERE closed_at IS NOT NULL")).ShouldBe(2);
    }

    [Fact]
    public async Task money_recorded_but_not_yet_applied_counts_towards_the_goal()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaign = await EndedAsync(db, goal: 1000m, current: 600m);
        await new Contributions(db).CompletedAsync(Guid.NewGuid(), campaign, 400m);

        await Closing(db).CloseEndedAsync(CancellationToken.None);

        (await db.StatusAsync(campaign)).ShouldBe("completed");
    }

    [Fact]
    public async Task two_runs_at_once_close_each_campaign_once()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaigns = new List<(Guid Id, string Expected)>();
        for (var i = 0; i < 60; i++)
        {
            var reachedGoal = i % 3 == 0;
            campaigns.Add((await EndedAsync(db, goal: 500m, current: reachedGoal ? 500m : 10m), reachedGoal ? "completed" : "expired"));
        }

        // Small batches, so both runs loop and overlap many times.
        var closedByEach = await Task.WhenAll(
            Task.Run(() => Closing(db, batchSize: 4).CloseEndedAsync(CancellationToken.None)),
            Task.Run(() => Closing(db, batchSize: 4).CloseEndedAsync(CancellationToken.None)));

        closedByEach.Sum().ShouldBe(60);
        foreach (var (id, expected) in campaigns)
        {
            (await db.StatusAsync(id)).ShouldBe(expected);
            (await db.EventCountAsync($"campaign.{expected}", id)).ShouldBe(1);
        }

        (await db.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(60);
        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaign_status_history")).ShouldBe(60);
    }

    [Fact]
    public async Task a_second_run_finds_nothing_to_close()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        await EndedAsync(db, goal: 100m, current: 0m);

        (await Closing(db).CloseEndedAsync(CancellationToken.None)).ShouldBe(1);
        (await Closing(db).CloseEndedAsync(CancellationToken.None)).ShouldBe(0);
        (await db.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(1);
    }
}
