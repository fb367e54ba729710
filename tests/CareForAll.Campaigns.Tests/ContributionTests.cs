using CareForAll.BuildingBlocks.Database;
using CareForAll.Campaigns.Features.Contributions.Apply;
using Npgsql;

namespace CareForAll.Campaigns.Tests;

[Collection(PostgresGroup.Name)]
public sealed class ContributionTests(PostgresServer server)
{
    [Fact]
    public async Task a_completed_pledge_is_recorded_but_the_total_moves_only_when_applied()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaign = await db.InsertCampaignAsync(goal: 10_000m);
        var pledges = new Contributions(db);

        await pledges.CompletedAsync(Guid.NewGuid(), campaign, 1500m);

        (await db.CurrentAmountAsync(campaign)).ShouldBe(0m);
        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaign_contributions WHERE applied_at IS NULL")).ShouldBe(1);

        var batches = await pledges.ApplyAllAsync();

        (await db.CurrentAmountAsync(campaign)).ShouldBe(1500m);
        batches.ShouldHaveSingleItem().Campaigns.ShouldBe(1);
        var updated = (await db.EventsAsync("campaign.updated", campaign)).ShouldHaveSingleItem();
        updated.GetProperty("currentAmount").GetDecimal().ShouldBe(1500m);
        updated.GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["currentAmount"]);
        (await db.ScalarAsync<long>("SELECT version FROM campaigns.campaigns WHERE id = @id", ("id", campaign))).ShouldBe(2);
    }

    [Fact]
    public async Task duplicate_and_out_of_order_pledge_events_give_exact_totals()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var first = await db.InsertCampaignAsync(goal: 1_000_000m);
        var second = await db.InsertCampaignAsync(goal: 1_000_000m);
        var pledges = new Contributions(db, batchSize: 7);
        var random = new Random(20251121);

        // 40 pledges over two campaigns; every fourth is refunded. Each event is delivered twice, all shuffled,
        // and the applier runs between deliveries, so late duplicates meet rows already applied.
        var deliveries = new List<Func<Task>>();
        var expected = new Dictionary<Guid, decimal> { [first] = 0m, [second] = 0m };
        for (var i = 0; i < 40; i++)
        {
            var pledge = Guid.NewGuid();
            var campaign = i % 2 == 0 ? first : second;
            var amount = 100m + i + 0.25m;
            var refunded = i % 4 == 0;
            expected[campaign] += refunded ? 0m : amount;
            for (var copy = 0; copy < 2; copy++)
            {
                deliveries.Add(() => pledges.CompletedAsync(pledge, campaign, amount));
                if (refunded)
                {
                    deliveries.Add(() => pledges.RefundedAsync(pledge, campaign, amount));
                }
            }
        }

        foreach (var (delivery, index) in deliveries.OrderBy(_ => random.Next()).Select((d, i) => (d, i)))
        {
            await delivery();
            if (index % 9 == 0)
            {
                await pledges.ApplyAllAsync();
            }
        }

        await pledges.ApplyAllAsync();

        (await db.CurrentAmountAsync(first)).ShouldBe(expected[first]);
        (await db.CurrentAmountAsync(second)).ShouldBe(expected[second]);
        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaign_contributions")).ShouldBe(40 + 10);
    }

    [Fact]
    public async Task a_refund_before_its_completion_nets_to_zero_and_the_late_completion_changes_nothing()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaign = await db.InsertCampaignAsync(goal: 5000m);
        var pledges = new Contributions(db);
        var pledge = Guid.NewGuid();

        await pledges.RefundedAsync(pledge, campaign, 700m);
        await pledges.ApplyAllAsync();
        (await db.CurrentAmountAsync(campaign)).ShouldBe(0m);

        await pledges.CompletedAsync(pledge, campaign, 700m);
        await pledges.ApplyAllAsync();

        (await db.CurrentAmountAsync(campaign)).ShouldBe(0m);
        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaign_contributions WHERE pledge_id = @p", ("p", pledge))).ShouldBe(2);
        // Nothing changed, so nothing is announced.
        (await db.EventCountAsync("campaign.updated", campaign)).ShouldBe(0);
    }

    [Fact]
    public async Task a_refund_after_its_completion_was_applied_takes_the_money_back()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaign = await db.InsertCampaignAsync(goal: 5000m);
        var pledges = new Contributions(db);
        var kept = Guid.NewGuid();
        var refunded = Guid.NewGuid();

        await pledges.CompletedAsync(kept, campaign, 300m);
        await pledges.CompletedAsync(refunded, campaign, 450m);
        await pledges.ApplyAllAsync();
        (await db.CurrentAmountAsync(campaign)).ShouldBe(750m);

        await pledges.RefundedAsync(refunded, campaign, 450m);
        await pledges.RefundedAsync(refunded, campaign, 450m);
        await pledges.ApplyAllAsync();

        (await db.CurrentAmountAsync(campaign)).ShouldBe(300m);
        (await db.EventCountAsync("campaign.updated", campaign)).ShouldBe(2);
    }

    [Theory]
    [InlineData("payment_initiated")]
    [InlineData("pending")]
    [InlineData(null)]
    public async Task a_refund_of_money_never_counted_is_ignored(string? previousStatus)
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaign = await db.InsertCampaignAsync();
        var pledges = new Contributions(db);

        await pledges.RefundedAsync(Guid.NewGuid(), campaign, 200m, previousStatus!);

        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaign_contributions")).ShouldBe(0);
    }

    [Fact]
    public async Task a_refund_whose_completion_sits_in_an_unfinished_batch_waits_instead_of_going_negative()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaign = await db.InsertCampaignAsync(goal: 5000m);
        var pledges = new Contributions(db);
        var pledge = Guid.NewGuid();

        // What another replica's claimed-but-uncommitted batch looks like from here: the refund alone is visible.
        await db.ScalarAsync<int>("""
            INSERT INTO campaigns.campaign_contributions (pledge_id, kind, campaign_id, amount) VALUES (@p, 'refunded', @c, -250)
            RETURNING 1
            """, ("p", pledge), ("c", campaign));

        var batch = (await pledges.ApplyOneBatchAsync()).ShouldNotBeNull();
        batch.Deferred.ShouldBe(1);
        (await db.CurrentAmountAsync(campaign)).ShouldBe(0m);
        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaign_contributions WHERE applied_at IS NULL")).ShouldBe(1);

        // The completion becomes visible; the pair applies together and nets to zero.
        await pledges.CompletedAsync(pledge, campaign, 250m);
        await pledges.ApplyAllAsync();

        (await db.CurrentAmountAsync(campaign)).ShouldBe(0m);
        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaign_contributions WHERE applied_at IS NULL")).ShouldBe(0);
    }

    [Fact]
    public async Task the_total_can_never_be_made_negative()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaign = await db.InsertCampaignAsync();

        var failure = await Should.ThrowAsync<PostgresException>(() =>
            db.ScalarAsync<int>("UPDATE campaigns.campaigns SET current_amount = -1 WHERE id = @id RETURNING 1", ("id", campaign)));

        failure.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
    }

    [Fact]
    public async Task a_pledge_for_an_unknown_campaign_records_nothing()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var pledges = new Contributions(db);

        await pledges.CompletedAsync(Guid.NewGuid(), Guid.NewGuid(), 100m);
        await pledges.RefundedAsync(Guid.NewGuid(), Guid.NewGuid(), 100m);

        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaign_contributions")).ShouldBe(0);
    }

    [Theory]
    [InlineData("USD", 100)]
    [InlineData("BDT", 0)]
    [InlineData("BDT", -5)]
    public async Task money_that_cannot_be_counted_is_not_recorded(string currency, int amount)
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaign = await db.InsertCampaignAsync();
        var pledges = new Contributions(db);

        await pledges.CompletedAsync(Guid.NewGuid(), campaign, amount, currency);

        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaign_contributions")).ShouldBe(0);
    }

    [Fact]
    public async Task recording_a_contribution_wakes_the_applier_in_this_process()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaign = await db.InsertCampaignAsync();
        var pledges = new Contributions(db);
        var wakeup = new PostgresWakeup(db.DataSource, "careforall_contributions", _ => { });
        using var stopping = new CancellationTokenSource();
        var listening = wakeup.ListenAsync(stopping.Token);
        // The first wake-up comes once the applier listens (it looks for what was written before).
        await wakeup.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var woken = wakeup.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        await pledges.CompletedAsync(Guid.NewGuid(), campaign, 100m);

        // Without the signal the applier would sleep its whole poll interval.
        await woken.WaitAsync(TimeSpan.FromSeconds(10));
        await stopping.CancelAsync();
        await listening;
    }

    [Fact]
    public async Task goal_reached_is_announced_once_even_when_two_appliers_share_the_work()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaign = await db.InsertCampaignAsync(goal: 500m);
        var pledges = new Contributions(db, batchSize: 5);

        // 20 donations of 100 (2,000 against a 500 goal): each applier's first batch alone reaches the goal.
        for (var i = 0; i < 20; i++)
        {
            await pledges.CompletedAsync(Guid.NewGuid(), campaign, 100m);
        }

        // Both appliers claim a batch and then queue on the campaign row, held here, so they really overlap.
        await using var holder = await db.DataSource.OpenConnectionAsync();
        await using (var hold = await holder.BeginTransactionAsync())
        {
            await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM campaigns.campaigns WHERE id = @id FOR UPDATE", holder, hold))
            {
                lockRow.Parameters.AddWithValue("id", campaign);
                await lockRow.ExecuteNonQueryAsync();
            }

            var first = Task.Run(() => pledges.Applier().ApplyBatchAsync(CancellationToken.None));
            var second = Task.Run(() => pledges.Applier().ApplyBatchAsync(CancellationToken.None));
            await Eventually.UntilAsync(
                async () => await db.ScalarAsync<long>(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 2,
                TimeSpan.FromSeconds(20), "both appliers wait on the campaign row");
            await hold.RollbackAsync();

            var results = new List<TotalsBatch>(await Task.WhenAll(first, second));
            results.ShouldAllBe(batch => batch.Claimed == 5, "both appliers should have taken part");
            results.AddRange(await pledges.ApplyAllAsync());

            (await db.CurrentAmountAsync(campaign)).ShouldBe(2_000m);
            results.Sum(b => b.GoalsReached).ShouldBe(1);
            var reached = (await db.EventsAsync("campaign.goal_reached", campaign)).ShouldHaveSingleItem();
            reached.GetProperty("goalReachedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
            reached.GetProperty("currentAmount").GetDecimal().ShouldBeGreaterThanOrEqualTo(500m);
            (await db.EventCountAsync("campaign.updated", campaign)).ShouldBe(results.Sum(b => b.Campaigns));
        }
    }

    [Fact]
    public async Task goal_reached_is_not_announced_again_after_a_refund_and_a_new_donation()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaign = await db.InsertCampaignAsync(goal: 1000m);
        var pledges = new Contributions(db);
        var big = Guid.NewGuid();

        await pledges.CompletedAsync(big, campaign, 1000m);
        await pledges.ApplyAllAsync();
        await pledges.RefundedAsync(big, campaign, 1000m);
        await pledges.ApplyAllAsync();
        await pledges.CompletedAsync(Guid.NewGuid(), campaign, 1200m);
        await pledges.ApplyAllAsync();

        (await db.CurrentAmountAsync(campaign)).ShouldBe(1200m);
        (await db.EventCountAsync("campaign.goal_reached", campaign)).ShouldBe(1);
    }

    [Fact]
    public async Task a_viral_campaign_is_one_update_per_batch_not_per_donation()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var campaign = await db.InsertCampaignAsync(goal: 10_000_000m);
        var pledges = new Contributions(db, batchSize: 1000);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await pledges.CompletedAsync(Guid.NewGuid(), campaign, 10m);
            }
        })));
        var batches = await pledges.ApplyAllAsync();

        (await db.CurrentAmountAsync(campaign)).ShouldBe(4000m);
        batches.ShouldHaveSingleItem().Applied.ShouldBe(400);
        (await db.ScalarAsync<long>("SELECT version FROM campaigns.campaigns WHERE id = @id", ("id", campaign))).ShouldBe(2);
    }
}
