using CareForAll.BuildingBlocks.Database;
using Npgsql;

namespace CareForAll.Query.Tests;

[Collection(PostgresGroup.Name)]
public sealed class ProjectionTests(PostgresServer server)
{
    [Fact]
    public async Task a_completed_pledge_is_recorded_and_moves_every_read_model_only_when_applied()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        var donor = Guid.NewGuid();
        await side.CampaignAsync(campaign, version: 2, goal: 10_000m);

        await side.CompletedAsync(ReadSide.Pledge(Guid.NewGuid(), campaign, 1500m, donor, at: side.Clock.Now));

        (await db.CampaignAsync(campaign))!.Raised.ShouldBe(0m);
        (await db.UnappliedAsync()).ShouldBe(1);

        var batches = await side.ApplyAllAsync();

        batches.ShouldHaveSingleItem().Campaigns.ShouldBe(1);
        var figures = (await db.CampaignAsync(campaign))!;
        figures.Raised.ShouldBe(1500m);
        figures.Donors.ShouldBe(1);
        figures.Donations.ShouldBe(1);
        figures.Progress.ShouldBe(15m);
        (await db.PlatformAsync()).ShouldBe(new PlatformFigures(1500m, 1, 1));
        (await db.UserAsync(donor)).ShouldBe(new UserFigures(1500m, 1, 1));
        (await db.ScalarAsync<string>("SELECT campaign_title FROM query.donation_history")).ShouldBe("Heart surgery for Rahim");
        (await db.ScalarAsync<int>("SELECT donations FROM query.donation_hours WHERE hour = '2025-11-21T06:00:00Z'")).ShouldBe(1);
        (await db.ScalarAsync<long>("SELECT count(*) FROM query.totals_announcements WHERE campaign_id = @c", ("c", campaign))).ShouldBe(1);
    }

    [Fact]
    public async Task duplicate_and_out_of_order_pledge_events_give_exact_figures()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db, batchSize: 7);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var donors = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var random = new Random(20251121);

        // 40 pledges over two campaigns by five donors; every fourth is refunded. Each event is delivered twice, all
        // shuffled (so refunds often come first), and the applier runs between deliveries.
        var deliveries = new List<Func<Task>>();
        var raised = new Dictionary<Guid, decimal> { [first] = 0m, [second] = 0m };
        var standing = new Dictionary<Guid, int> { [first] = 0, [second] = 0 };
        var standingByDonor = new Dictionary<(Guid, Guid), int>();
        for (var i = 0; i < 40; i++)
        {
            var pledge = ReadSide.Pledge(Guid.NewGuid(), i % 2 == 0 ? first : second, 100m + i + 0.25m, donors[i % 5], at: side.Clock.Now);
            var refunded = i % 4 == 0;
            if (!refunded)
            {
                raised[pledge.CampaignId] += pledge.Amount;
                standing[pledge.CampaignId]++;
                standingByDonor[(pledge.CampaignId, pledge.UserId!.Value)] = standingByDonor.GetValueOrDefault((pledge.CampaignId, pledge.UserId.Value)) + 1;
            }

            for (var copy = 0; copy < 2; copy++)
            {
                deliveries.Add(() => side.CompletedAsync(pledge));
                if (refunded)
                {
                    deliveries.Add(() => side.RefundedAsync(pledge));
                }
            }
        }

        foreach (var (delivery, index) in deliveries.OrderBy(_ => random.Next()).Select((d, i) => (d, i)))
        {
            await delivery();
            if (index % 9 == 0)
            {
                await side.ApplyAllAsync();
            }
        }

        await side.ApplyAllAsync();

        foreach (var campaign in new[] { first, second })
        {
            var figures = (await db.CampaignAsync(campaign))!;
            figures.Raised.ShouldBe(raised[campaign]);
            figures.Donations.ShouldBe(standing[campaign]);
            figures.Donors.ShouldBe(standingByDonor.Count(d => d.Key.Item1 == campaign && d.Value > 0));
        }

        (await db.PlatformAsync()).ShouldBe(new PlatformFigures(raised[first] + raised[second], standing[first] + standing[second], 5));
        (await db.ScalarAsync<long>("SELECT count(*) FROM query.pledge_ledger")).ShouldBe(40 + 10);
        (await db.ScalarAsync<long>("SELECT count(*) FROM query.donation_history WHERE status = 'refunded'")).ShouldBe(10);
        (await db.ScalarAsync<decimal>("SELECT sum(total_donated) FROM query.user_statistics")).ShouldBe(raised[first] + raised[second]);
        (await db.ScalarAsync<decimal>("SELECT sum(amount) FROM query.donation_hours")).ShouldBe(raised[first] + raised[second]);
    }

    [Fact]
    public async Task a_refund_before_its_completion_nets_to_zero_and_the_late_completion_changes_nothing()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        var donor = Guid.NewGuid();
        var pledge = ReadSide.Pledge(Guid.NewGuid(), campaign, 700m, donor, at: side.Clock.Now);

        await side.RefundedAsync(pledge);
        await side.ApplyAllAsync();

        var figures = (await db.CampaignAsync(campaign))!;
        (figures.Raised, figures.Donations, figures.Donors).ShouldBe((0m, 0, 0));
        (await db.ScalarAsync<string>("SELECT status FROM query.donation_history WHERE pledge_id = @p", ("p", pledge.PledgeId))).ShouldBe("refunded");

        await side.CompletedAsync(pledge);
        await side.ApplyAllAsync();

        figures = (await db.CampaignAsync(campaign))!;
        (figures.Raised, figures.Donations, figures.Donors).ShouldBe((0m, 0, 0));
        (await db.PlatformAsync()).ShouldBe(new PlatformFigures(0m, 0, 0));
        (await db.UserAsync(donor)).ShouldBe(new UserFigures(0m, 0, 0));
        (await db.ScalarAsync<long>("SELECT count(*) FROM query.pledge_ledger WHERE pledge_id = @p", ("p", pledge.PledgeId))).ShouldBe(2);
        (await db.ScalarAsync<long>("SELECT count(*) FROM query.donation_history WHERE status = 'completed'")).ShouldBe(0);
    }

    [Fact]
    public async Task a_refund_after_its_completion_was_applied_takes_the_money_and_the_donor_back()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        var kept = ReadSide.Pledge(Guid.NewGuid(), campaign, 300m, Guid.NewGuid(), at: side.Clock.Now);
        var refunded = ReadSide.Pledge(Guid.NewGuid(), campaign, 450m, Guid.NewGuid(), at: side.Clock.Now);

        await side.CompletedAsync(kept);
        await side.CompletedAsync(refunded);
        await side.ApplyAllAsync();
        (await db.CampaignAsync(campaign))!.Donors.ShouldBe(2);

        side.Clock.Advance(TimeSpan.FromDays(2));
        await side.RefundedAsync(refunded, at: side.Clock.Now);
        await side.RefundedAsync(refunded, at: side.Clock.Now);
        await side.ApplyAllAsync();

        var figures = (await db.CampaignAsync(campaign))!;
        (figures.Raised, figures.Donations, figures.Donors).ShouldBe((300m, 1, 1));
        (await db.UserAsync(refunded.UserId!.Value)).ShouldBe(new UserFigures(0m, 0, 0));
        // The refund leaves the hour in which the donation was made, not the hour of the refund.
        (await db.ScalarAsync<decimal>("SELECT amount FROM query.donation_hours WHERE hour = '2025-11-21T06:00:00Z'")).ShouldBe(300m);
        (await db.ScalarAsync<long>("SELECT count(*) FROM query.donation_hours WHERE hour > '2025-11-21T06:00:00Z'")).ShouldBe(0);
        (await db.ScalarAsync<DateTime>("SELECT refunded_at FROM query.donation_history WHERE pledge_id = @p", ("p", refunded.PledgeId)))
            .ShouldBe(side.Clock.Now.UtcDateTime);
    }

    [Theory]
    [InlineData("payment_initiated")]
    [InlineData("pending")]
    [InlineData(null)]
    public async Task a_refund_of_money_never_counted_is_ignored(string? previousStatus)
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);

        await side.RefundedAsync(Guid.NewGuid(), Guid.NewGuid(), 200m, previousStatus: previousStatus);

        (await db.ScalarAsync<long>("SELECT count(*) FROM query.pledge_ledger")).ShouldBe(0);
    }

    [Theory]
    [InlineData("USD", 100)]
    [InlineData("BDT", 0)]
    [InlineData("BDT", -5)]
    public async Task money_that_cannot_be_counted_is_not_recorded(string currency, int amount)
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);

        await side.CompletedAsync(ReadSide.Pledge(Guid.NewGuid(), Guid.NewGuid(), amount, currency: currency));

        (await db.ScalarAsync<long>("SELECT count(*) FROM query.pledge_ledger")).ShouldBe(0);
    }

    [Fact]
    public async Task donors_are_counted_once_per_user_and_once_per_guest_email_whatever_its_case()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        var other = Guid.NewGuid();
        var user = Guid.NewGuid();
        var userFirst = ReadSide.Pledge(Guid.NewGuid(), campaign, 100m, user, at: side.Clock.Now);
        var userSecond = ReadSide.Pledge(Guid.NewGuid(), campaign, 200m, user, at: side.Clock.Now);
        var userElsewhere = ReadSide.Pledge(Guid.NewGuid(), other, 50m, user, at: side.Clock.Now);
        var guestFirst = ReadSide.Pledge(Guid.NewGuid(), campaign, 10m, email: "Ann.Guest@Example.org", at: side.Clock.Now);
        var guestSecond = ReadSide.Pledge(Guid.NewGuid(), campaign, 20m, email: " ann.guest@example.ORG ", at: side.Clock.Now);

        foreach (var pledge in new[] { userFirst, userSecond, userElsewhere, guestFirst, guestSecond })
        {
            await side.CompletedAsync(pledge);
        }

        await side.ApplyAllAsync();

        var figures = (await db.CampaignAsync(campaign))!;
        (figures.Raised, figures.Donations, figures.Donors).ShouldBe((330m, 4, 2));
        (await db.UserAsync(user)).ShouldBe(new UserFigures(350m, 3, 2));
        (await db.PlatformAsync()).ShouldBe(new PlatformFigures(380m, 5, 2));

        // One of two refunded: still a donor. Both refunded: no longer one.
        await side.RefundedAsync(userFirst);
        await side.RefundedAsync(guestFirst);
        await side.ApplyAllAsync();
        (await db.CampaignAsync(campaign))!.Donors.ShouldBe(2);
        (await db.UserAsync(user)).ShouldBe(new UserFigures(250m, 2, 2));

        await side.RefundedAsync(userSecond);
        await side.RefundedAsync(guestSecond);
        await side.ApplyAllAsync();
        figures = (await db.CampaignAsync(campaign))!;
        (figures.Raised, figures.Donations, figures.Donors).ShouldBe((0m, 0, 0));
        (await db.UserAsync(user)).ShouldBe(new UserFigures(50m, 1, 1));
        (await db.PlatformAsync()).ShouldBe(new PlatformFigures(50m, 1, 1));
    }

    [Theory]
    [InlineData("UPDATE query.campaign_totals SET raised_amount = -1")]
    [InlineData("UPDATE query.campaign_totals SET donor_count = -1")]
    [InlineData("UPDATE query.campaign_totals SET donation_count = -1")]
    [InlineData("UPDATE query.platform_statistics SET total_raised = -0.01")]
    [InlineData("UPDATE query.platform_statistics SET total_donors = -1")]
    [InlineData("UPDATE query.user_statistics SET total_donated = -1")]
    [InlineData("UPDATE query.campaign_donors SET donations = -1")]
    [InlineData("UPDATE query.donation_hours SET amount = -1")]
    public async Task no_figure_can_be_made_negative(string update)
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        await side.CompletedAsync(Guid.NewGuid(), Guid.NewGuid(), 100m, Guid.NewGuid());
        await side.ApplyAllAsync();

        var failure = await Should.ThrowAsync<PostgresException>(() => db.ExecuteAsync(update));

        failure.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
    }

    [Fact]
    public async Task a_refund_whose_completion_sits_in_another_replicas_unfinished_batch_waits_instead_of_going_negative()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        var pledge = ReadSide.Pledge(Guid.NewGuid(), campaign, 250m, Guid.NewGuid(), at: side.Clock.Now);
        await side.CompletedAsync(pledge);
        await side.RefundedAsync(pledge);

        // Another replica's batch holds the completion (claimed, not committed): only the refund is free to take.
        await using var other = await db.DataSource.OpenConnectionAsync();
        await using (var hold = await other.BeginTransactionAsync())
        {
            await using (var claim = new NpgsqlCommand(
                "SELECT 1 FROM query.pledge_ledger WHERE pledge_id = @p AND kind = 'completed' FOR UPDATE", other, hold))
            {
                claim.Parameters.AddWithValue("p", pledge.PledgeId);
                await claim.ExecuteNonQueryAsync();
            }

            var batch = await side.Projector().ApplyBatchAsync(CancellationToken.None);

            batch.Deferred.ShouldBe(1);
            batch.Applied.ShouldBe(0);
            await hold.RollbackAsync();
        }

        (await db.CampaignAsync(campaign)).ShouldBeNull();
        await side.ApplyAllAsync();
        var figures = (await db.CampaignAsync(campaign))!;
        (figures.Raised, figures.Donations, figures.Donors).ShouldBe((0m, 0, 0));
        (await db.UnappliedAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task two_appliers_share_a_viral_campaign_and_the_figures_stay_exact()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db, batchSize: 5);
        var campaign = Guid.NewGuid();
        var donors = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < 20; i++)
        {
            await side.CompletedAsync(ReadSide.Pledge(Guid.NewGuid(), campaign, 10m + i, donors[i % 3], at: side.Clock.Now));
        }

        // Both appliers claim a batch and then queue on the platform row, held here, so they really overlap.
        await using var holder = await db.DataSource.OpenConnectionAsync();
        await using (var hold = await holder.BeginTransactionAsync())
        {
            await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM query.platform_statistics FOR UPDATE", holder, hold))
            {
                await lockRow.ExecuteNonQueryAsync();
            }

            var first = Task.Run(() => side.Projector().ApplyBatchAsync(CancellationToken.None));
            var second = Task.Run(() => side.Projector().ApplyBatchAsync(CancellationToken.None));
            await Eventually.UntilAsync(
                async () => await db.ScalarAsync<long>(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 2,
                TimeSpan.FromSeconds(20), "both appliers wait on a shared row");
            await hold.RollbackAsync();

            var results = new List<Features.Ledger.Apply.ProjectionBatch>(await Task.WhenAll(first, second));
            results.ShouldAllBe(batch => batch.Applied == 5, "both appliers should have taken part");
            results.AddRange(await side.ApplyAllAsync());
            results.Sum(b => b.Applied).ShouldBe(20);
        }

        var expected = Enumerable.Range(0, 20).Sum(i => 10m + i);
        var figures = (await db.CampaignAsync(campaign))!;
        (figures.Raised, figures.Donations, figures.Donors).ShouldBe((expected, 20, 3));
        (await db.PlatformAsync()).ShouldBe(new PlatformFigures(expected, 20, 3));
        (await db.ScalarAsync<long>("SELECT count(*) FROM query.donation_history")).ShouldBe(20);
    }

    [Fact]
    public async Task recording_a_pledge_wakes_the_applier_in_this_process()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var wakeup = new PostgresWakeup(db.DataSource, "careforall_query_ledger", _ => { });
        using var stopping = new CancellationTokenSource();
        var listening = wakeup.ListenAsync(stopping.Token);
        // The first wake-up comes once the applier listens (it looks for what was written before).
        await wakeup.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var woken = wakeup.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        await side.CompletedAsync(Guid.NewGuid(), Guid.NewGuid(), 100m);

        // Without the signal the applier would sleep its whole poll interval.
        await woken.WaitAsync(TimeSpan.FromSeconds(10));
        await stopping.CancelAsync();
        await listening;
    }
}
