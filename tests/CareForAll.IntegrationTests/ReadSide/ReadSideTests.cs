using System.Net;
using System.Text.Json.Nodes;
using CareForAll.IntegrationTests.Donations;
using CareForAll.IntegrationTests.Messaging;

namespace CareForAll.IntegrationTests.ReadSide;

/// <summary>
/// The query service's read models after real donations through the gateway: exactly the completed pledges, however
/// late, repeated or reordered the events that feed them, and whichever of its two replicas answers.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class ReadSideTests(PlatformFixture platform) : IDisposable
{
    private readonly DonationDriver _driver = new(platform, subnet: 50);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token;
    private ReadModels Read => new(platform, _driver);

    [Fact]
    public async Task totals_donor_wall_user_history_and_platform_statistics_agree_exactly_with_the_completed_pledges()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var donor = await _driver.NewUserAsync("reader", _ct);
        var guestEmail = Api.NewEmail("wall-guest");

        await _driver.CompleteAsync(await _driver.UserPledgeAsync(donor, campaignId, 1000m, _ct), _ct);
        await _driver.CompleteAsync(await _driver.UserPledgeAsync(donor, campaignId, 250m, _ct, isAnonymous: true), _ct);
        await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 500m, _ct, email: guestEmail, isAnonymous: true), _ct);
        // The same guest again, typing their address in capitals: still one donor.
        await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 300m, _ct, email: guestEmail.ToUpperInvariant()), _ct);
        var failed = await _driver.GuestPledgeAsync(campaignId, 9000m, _ct);
        var failedPayment = await DonationDriver.InitiateAsync(failed, _ct);
        await _driver.PayAsync(new { tranId = failedPayment.TranId, outcome = "FAILED" }, _ct);
        await _driver.WaitForPaymentStatusAsync(failedPayment.Id, "failed", _ct);

        await Read.WaitForTotalsAsync(campaignId, 2050m, donations: 4, _ct);
        var totals = await Read.TotalsAsync(campaignId, _ct);
        totals.DonorCount.ShouldBe(2);
        await _driver.WaitForRaisedAsync(campaignId, 2050m, _ct);
        (await Read.CompletedPledgesAsync(campaignId, _ct)).ShouldBe(2050m);

        var (wall, raw) = await Read.DonorWallAsync(campaignId, _ct);
        wall.Count.ShouldBe(4);
        wall.Sum(d => d["amount"]!.GetValue<decimal>()).ShouldBe(2050m);
        raw.ShouldNotContain("@", customMessage: "the donor wall shows no email address");
        var anonymous = wall.Where(d => d["isAnonymous"]!.GetValue<bool>()).ToList();
        anonymous.Count.ShouldBe(2);
        raw.ShouldNotContain(donor.UserId.ToString(), customMessage: "the donor wall names no account");
        foreach (var entry in anonymous)
        {
            var name = entry["donorName"]?.GetValue<string>();
            (name is null || name == "Anonymous").ShouldBeTrue($"an anonymous donor showed as '{name}'");
        }

        var (mine, _) = await Read.AllPagesAsync($"/api/query/users/{donor.UserId}/donations", donor.AccessToken, _ct);
        mine.Count.ShouldBe(2);
        mine.Sum(d => d["amount"]!.GetValue<decimal>()).ShouldBe(1250m);
        var stranger = await _driver.NewUserAsync("nosy", _ct);
        var (status, body, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Get, $"/api/query/users/{donor.UserId}/donations",
            accessToken: stranger.AccessToken, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.Forbidden, body.ToJsonString());
        var admin = await _driver.AdminAsync(_ct);
        (status, body, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Get, $"/api/query/users/{donor.UserId}/donations",
            accessToken: admin.AccessToken, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());

        // The platform's figures are the completed pledges of every campaign, nothing more, nothing less.
        await Eventually.UntilAsync(async () =>
        {
            var statistics = await Read.PlatformStatisticsAsync(_ct);
            var raised = await platform.ScalarAsync<decimal>("pledgesdb",
                "SELECT COALESCE(SUM(amount), 0) FROM pledges.pledges WHERE status = 'completed'", new { }, _ct);
            var donations = await platform.ScalarAsync<long>("pledgesdb",
                "SELECT count(*) FROM pledges.pledges WHERE status = 'completed'", new { }, _ct);
            return statistics["totalRaised"]!.GetValue<decimal>() == raised && statistics["totalDonations"]!.GetValue<long>() == donations;
        }, DonationDriver.Deadline, "platform statistics equal the sum and count of completed pledges", TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task donations_made_while_the_query_service_is_stopped_reach_the_exact_totals_once_it_is_back()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 100m, _ct), _ct);
        await Read.WaitForTotalsAsync(campaignId, 100m, donations: 1, _ct);

        await platform.StopResourceAsync("query", _ct);
        try
        {
            await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 450m, _ct), _ct);
            await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 1450m, _ct), _ct);
            await _driver.WaitForRaisedAsync(campaignId, 2000m, _ct);
        }
        finally
        {
            await platform.StartResourceAsync("query", _ct);
        }

        await Read.WaitForTotalsAsync(campaignId, 2000m, donations: 3, _ct);
        (await Read.TotalsAsync(campaignId, _ct)).DonorCount.ShouldBe(3);
    }

    [Fact]
    public async Task an_event_delivered_twice_and_a_refund_that_overtakes_its_completion_leave_the_totals_exact_and_never_negative()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        await Read.WaitForCampaignAsync(campaignId, _ct);
        await using var injector = await EventInjector.ConnectAsync(platform, _ct);
        var kept = Guid.NewGuid();
        var takenBack = Guid.NewGuid();
        var keptDonor = Api.NewEmail("twice");
        var reorderedDonor = Api.NewEmail("reordered");
        var keptCompleted = EventInjector.PledgeEvent("pledge.completed", kept, campaignId, 400m, "completed", "payment_initiated", 3, keptDonor);
        var refunded = EventInjector.PledgeEvent("pledge.refunded", takenBack, campaignId, 700m, "refunded", "completed", 4, reorderedDonor);
        var completedLate = EventInjector.PledgeEvent("pledge.completed", takenBack, campaignId, 700m, "completed", "payment_initiated", 3, reorderedDonor);

        // Every change the read side makes visible is pushed to live subscribers: a refund applied before its
        // completion must never show among them as money taken away.
        await using var live = await LiveTotals.OpenAsync(_driver.NewClient(), campaignId, _ct);
        await live.WaitForRaisedAsync(0m, DonationDriver.Deadline);

        await injector.PublishAsync(keptCompleted, _ct);
        await injector.PublishAsync(keptCompleted, _ct);
        await injector.PublishAsync(refunded, _ct);
        await Read.WaitForTotalsAsync(campaignId, 400m, donations: 1, _ct);
        await live.WaitForRaisedAsync(400m, DonationDriver.Deadline);
        await injector.PublishAsync(completedLate, _ct);
        await injector.PublishAsync(refunded, _ct);

        // Campaigns counts from the same events: once it agrees, every copy has been through both consumers.
        await _driver.WaitForRaisedAsync(campaignId, 400m, _ct);
        await Read.WaitForTotalsAsync(campaignId, 400m, donations: 1, _ct);
        var totals = await Read.TotalsAsync(campaignId, _ct);
        totals.Raised.ShouldBe(400m);
        totals.DonorCount.ShouldBe(1);

        // These pledges exist only on the bus: take the kept one back too, so every figure of the platform still
        // equals the pledges service's own records for the tests that compare them.
        await injector.PublishAsync(EventInjector.PledgeEvent("pledge.refunded", kept, campaignId, 400m, "refunded", "completed", 4, keptDonor), _ct);
        await _driver.WaitForRaisedAsync(campaignId, 0m, _ct);
        await Read.WaitForTotalsAsync(campaignId, 0m, donations: 0, _ct);
        await live.WaitForRaisedAsync(0m, DonationDriver.Deadline);
        live.Seen.ShouldNotBeEmpty();
        live.Seen.ShouldAllBe(data => data["raisedAmount"]!.GetValue<decimal>() >= 0m && data["donationCount"]!.GetValue<int>() >= 0);
        (await Read.TotalsAsync(campaignId, _ct)).DonorCount.ShouldBe(0);
    }

    [Fact]
    public async Task a_live_subscriber_on_either_replica_receives_the_new_total_within_a_second_of_the_payment_completing()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        await Read.WaitForCampaignAsync(campaignId, _ct);
        var replicas = await platform.ReplicaAddressesAsync("query", _ct);
        replicas.Count.ShouldBe(2);
        var subscribers = new List<LiveTotals>();
        var direct = new List<HttpClient>();
        try
        {
            // One subscriber on each replica by its own address, and two through the gateway as browsers are.
            foreach (var replica in replicas)
            {
                var client = new HttpClient { BaseAddress = replica, Timeout = Timeout.InfiniteTimeSpan };
                direct.Add(client);
                subscribers.Add(await LiveTotals.OpenAsync(client, campaignId, _ct));
            }

            subscribers.Add(await LiveTotals.OpenAsync(_driver.NewClient(), campaignId, _ct));
            subscribers.Add(await LiveTotals.OpenAsync(_driver.NewClient(), campaignId, _ct));
            foreach (var subscriber in subscribers)
            {
                await subscriber.WaitForRaisedAsync(0m, DonationDriver.Deadline);
            }

            var payment = await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 2500m, _ct), _ct);
            var completedAt = await platform.ScalarAsync<DateTime>("paymentsdb",
                "SELECT completed_at FROM payments.payments WHERE id = @id", new { id = payment.Id }, _ct);

            foreach (var subscriber in subscribers)
            {
                var (receivedAt, data) = await subscriber.WaitForRaisedAsync(2500m, DonationDriver.Deadline);
                data["donationCount"]!.GetValue<int>().ShouldBe(1);
                (receivedAt - new DateTimeOffset(DateTime.SpecifyKind(completedAt, DateTimeKind.Utc))).ShouldBeLessThan(TimeSpan.FromSeconds(1),
                    "a live subscriber sees the new total within a second of the payment completing");
            }
        }
        finally
        {
            foreach (var subscriber in subscribers)
            {
                await subscriber.DisposeAsync();
            }

            direct.ForEach(client => client.Dispose());
        }
    }

    [Fact]
    public async Task read_models_wiped_and_rebuilt_from_campaigns_and_pledges_give_identical_figures()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var donor = await _driver.NewUserAsync("rebuilt", _ct);
        await _driver.CompleteAsync(await _driver.UserPledgeAsync(donor, campaignId, 1500m, _ct), _ct);
        await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 600m, _ct, isAnonymous: true), _ct);
        var refunded = await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 900m, _ct), _ct);
        var admin = await _driver.AdminAsync(_ct);
        var (status, body) = await DonationDriver.PostAsync(_driver.NewClient(), $"/api/payments/{refunded.Id}/refund",
            new { reason = "Donor asked for it back" }, Guid.NewGuid().ToString(), admin.AccessToken, null, _ct);
        status.ShouldBe(HttpStatusCode.Accepted, body.ToJsonString());
        await Read.WaitForTotalsAsync(campaignId, 2100m, donations: 2, _ct);
        await _driver.WaitForRaisedAsync(campaignId, 2100m, _ct);

        var before = await FiguresAsync(campaignId, donor, admin);

        var wiped = await platform.ScalarAsync<long>("querydb", """
            TRUNCATE query.pledge_ledger, query.campaign_totals, query.campaign_donors, query.platform_donors,
                     query.donation_history, query.user_statistics, query.donation_hours;
            UPDATE query.platform_statistics SET total_raised = 0, total_donations = 0, total_donors = 0;
            SELECT count(*) FROM query.campaign_totals;
            """, new { }, _ct);
        wiped.ShouldBe(0);

        JsonNode rebuilt = new JsonObject();
        (status, rebuilt, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Post, "/api/admin/read-models/rebuild", new { }, admin.AccessToken, _ct);
        status.ShouldBe(HttpStatusCode.OK, rebuilt.ToJsonString());

        await Eventually.UntilAsync(async () => (await FiguresAsync(campaignId, donor, admin)) == before,
            DonationDriver.Deadline, $"the rebuilt figures equal {before}", TimeSpan.FromMilliseconds(300));
        before.PlatformRaised.ShouldBe(await platform.ScalarAsync<decimal>("pledgesdb",
            "SELECT COALESCE(SUM(amount), 0) FROM pledges.pledges WHERE status = 'completed'", new { }, _ct));
    }

    private sealed record Figures(
        decimal Raised, int DonorCount, int DonationCount, string Wall, string UserHistory,
        decimal PlatformRaised, long PlatformDonations, long PlatformDonors);

    private async Task<Figures> FiguresAsync(Guid campaignId, Api.Session donor, Api.Session admin)
    {
        var totals = await Read.TotalsAsync(campaignId, _ct);
        var (wall, _) = await Read.DonorWallAsync(campaignId, _ct);
        var (history, _) = await Read.AllPagesAsync($"/api/query/users/{donor.UserId}/donations", admin.AccessToken, _ct);
        var statistics = await Read.PlatformStatisticsAsync(_ct);
        static string Describe(IEnumerable<JsonNode> items) => string.Join(";", items
            .Select(i => $"{i["pledgeId"]}:{i["amount"]}:{i["isAnonymous"]}:{i["donorName"]}:{i["status"]}")
            .Order(StringComparer.Ordinal));
        return new Figures(
            totals.Raised, totals.DonorCount, totals.DonationCount, Describe(wall), Describe(history),
            statistics["totalRaised"]!.GetValue<decimal>(), statistics["totalDonations"]!.GetValue<long>(), statistics["totalDonors"]!.GetValue<long>());
    }

    public void Dispose() => _driver.Dispose();
}
