using System.Net;
using System.Text.Json.Nodes;

namespace CareForAll.IntegrationTests.Donations;

/// <summary>Whole donations through the gateway, the two payments replicas and the SSLCommerz sandbox.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DonationFlowTests(PlatformFixture platform) : IDisposable
{
    private readonly DonationDriver _driver = new(platform, subnet: 40);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    [Fact]
    public async Task a_guest_donation_completes_the_payment_and_the_pledge_and_raises_the_campaign_by_exactly_its_amount()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        (await _driver.RaisedAsync(campaignId, _ct)).ShouldBe(0m);

        var pledge = await _driver.GuestPledgeAsync(campaignId, 1500m, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);
        payment.GatewayUrl.ShouldContain("/EasyCheckOut/testcde");

        await _driver.PayAsync(new { tranId = payment.TranId, outcome = "VALID", method = "bkash", browserReturn = "after-ipn" }, _ct);

        await _driver.WaitForPaymentStatusAsync(payment.Id, "completed", _ct);
        await DonationDriver.WaitForPledgeStatusAsync(pledge, "completed", _ct);
        await _driver.WaitForRaisedAsync(campaignId, 1500m, _ct);
        var settled = await _driver.GetPaymentAsAdminAsync(payment.Id, _ct);
        settled["paymentMethod"]!.GetValue<string>().ShouldBe("bkash");
        settled["amount"]!.GetValue<decimal>().ShouldBe(1500m);
    }

    [Fact]
    public async Task the_same_ipn_five_times_on_both_replicas_racing_the_browser_return_is_counted_once()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 700m, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);

        await _driver.PayAsync(new { tranId = payment.TranId, ipn = new { copies = 5 }, browserReturn = "concurrent" }, _ct);
        await _driver.WaitForDeliveriesAsync(payment.TranId, 6, _ct);

        await _driver.WaitForPaymentStatusAsync(payment.Id, "completed", _ct);
        await _driver.WaitForRaisedAsync(campaignId, 700m, _ct);
        var history = await _driver.HistoryAsync(payment.Id, _ct);
        history.Count(h => Accepted(h) && To(h) == "completed").ShouldBe(1);
        history.Count(h => Accepted(h) && To(h) == "captured").ShouldBe(1);
        (await _driver.DeliveriesAsync(payment.TranId, _ct)).ShouldAllBe(d => d!["responseStatus"]!.GetValue<int>() < 400);
        await DonationDriver.WaitForPledgeStatusAsync(pledge, "completed", _ct);
        (await _driver.RaisedAsync(campaignId, _ct)).ShouldBe(700m);
    }

    [Fact]
    public async Task a_failed_notification_after_a_valid_one_moves_nothing_back_and_is_recorded_as_refused()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 250m, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);
        await _driver.PayAsync(new { tranId = payment.TranId }, _ct);
        await _driver.WaitForPaymentStatusAsync(payment.Id, "completed", _ct);
        await _driver.WaitForRaisedAsync(campaignId, 250m, _ct);

        await _driver.NotifyAsync(new { tranId = payment.TranId, status = "FAILED", target = "ipn" }, _ct);

        await Eventually.UntilAsync(
            async () => (await _driver.HistoryAsync(payment.Id, _ct)).Any(h => !Accepted(h) && To(h) == "failed"),
            DonationDriver.Deadline, "the late FAILED was recorded as a refused move", TimeSpan.FromMilliseconds(150));
        (await _driver.GetPaymentAsAdminAsync(payment.Id, _ct))["status"]!.GetValue<string>().ShouldBe("completed");
        (await DonationDriver.GetPledgeAsync(pledge, _ct))["status"]!.GetValue<string>().ShouldBe("completed");
        (await _driver.RaisedAsync(campaignId, _ct)).ShouldBe(250m);
    }

    [Fact]
    public async Task a_failed_attempt_then_a_validated_success_for_the_same_tran_id_is_counted_once()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 320m, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);

        await _driver.PayAsync(new { tranId = payment.TranId, ipn = new { earlierFailure = true } }, _ct);

        await _driver.WaitForPaymentStatusAsync(payment.Id, "completed", _ct);
        await _driver.WaitForRaisedAsync(campaignId, 320m, _ct);
        var history = await _driver.HistoryAsync(payment.Id, _ct);
        history.ShouldContain(h => Accepted(h) && From(h) == "failed" && To(h) == "captured");
        history.Count(h => Accepted(h) && To(h) == "completed").ShouldBe(1);
        await DonationDriver.WaitForPledgeStatusAsync(pledge, "completed", _ct);
    }

    [Fact]
    public async Task a_forged_signature_and_a_genuine_payment_of_another_amount_are_not_counted_and_are_recorded()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 5000m, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);

        // Someone posts a VALID notification for our tran_id with a signature that does not verify.
        var forged = await _driver.NotifyAsync(new { tranId = payment.TranId, status = "VALID", tamper = true, target = "ipn" }, _ct);
        forged["responseStatus"]!.GetValue<int>().ShouldBe(400);

        // Someone opens their own session for our tran_id over 10 taka and really pays it: signed and validated, but not ours.
        var sessionKey = await _driver.ForeignSessionAsync(payment.TranId, 10m, _ct);
        await _driver.PayAsync(new { sessionKey }, _ct);
        await _driver.WaitForDeliveriesAsync(payment.TranId, 2, _ct);

        await Eventually.UntilAsync(
            async () => (await _driver.HistoryAsync(payment.Id, _ct)).Any(h => !Accepted(h) && To(h) == "captured"),
            DonationDriver.Deadline, "the amount mismatch was recorded as a refused capture", TimeSpan.FromMilliseconds(150));
        var current = await _driver.GetPaymentAsAdminAsync(payment.Id, _ct);
        current["status"]!.GetValue<string>().ShouldBeOneOf("pending", "authorized");
        (await _driver.HistoryAsync(payment.Id, _ct)).ShouldNotContain(h => Accepted(h) && (To(h) == "captured" || To(h) == "completed"));
        (await _driver.RaisedAsync(campaignId, _ct)).ShouldBe(0m);
    }

    [Fact]
    public async Task a_dropped_ipn_is_found_by_reconciliation_and_the_payment_completes()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 410m, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);

        var paid = await _driver.PayAsync(new { tranId = payment.TranId, ipn = new { drop = true }, browserReturn = "none" }, _ct);
        paid["status"]!.GetValue<string>().ShouldBe("VALID");
        (await _driver.DeliveriesAsync(payment.TranId, _ct)).ShouldBeEmpty();

        await _driver.WaitForPaymentStatusAsync(payment.Id, "completed", _ct);
        (await _driver.HistoryAsync(payment.Id, _ct)).ShouldContain(h => Accepted(h) && To(h) == "completed"
            && h["source"]!.GetValue<string>() == "reconciliation");
        await _driver.WaitForRaisedAsync(campaignId, 410m, _ct);
    }

    [Fact]
    public async Task ten_concurrent_pledges_with_one_idempotency_key_make_one_pledge()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var client = _driver.NewClient();
        var key = Guid.NewGuid().ToString();
        var body = new { campaignId, amount = 100m, currency = "BDT", donorEmail = Api.NewEmail("tapper"), isAnonymous = true };

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            DonationDriver.PostAsync(client, "/api/pledges", body, key, accessToken: null, pledgeToken: null, _ct)));

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Created || a.Status == HttpStatusCode.Conflict);
        var created = answers.Where(a => a.Status == HttpStatusCode.Created).Select(a => a.Body["data"]!["id"]!.GetValue<string>()).Distinct().ToList();
        created.Count.ShouldBe(1);

        var retry = await DonationDriver.PostAsync(client, "/api/pledges", body, key, null, null, _ct);
        retry.Status.ShouldBe(HttpStatusCode.Created);
        retry.Body["data"]!["id"]!.GetValue<string>().ShouldBe(created[0]);

        var other = await DonationDriver.PostAsync(client, "/api/pledges", body with { amount = 200m }, key, null, null, _ct);
        other.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);

        (await platform.CountAsync("pledgesdb", "SELECT count(*) FROM pledges.pledges WHERE donor_email = @email", new { email = body.donorEmail }, _ct))
            .ShouldBe(1);
    }

    [Fact]
    public async Task a_pledge_without_an_idempotency_key_is_refused_and_nothing_is_stored()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var donor = await _driver.NewUserAsync("keyless", _ct);
        var client = _driver.NewClient();

        var (status, body) = await DonationDriver.PostAsync(client, "/api/pledges", new { campaignId, amount = 100m, currency = "BDT" },
            idempotencyKey: null, donor.AccessToken, null, _ct);

        status.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorCode(body).ShouldBe("IDEMPOTENCY_KEY_REQUIRED");
        var (_, mine, _) = await Api.SendAsync(client, HttpMethod.Get, $"/api/pledges/user/{donor.UserId}", accessToken: donor.AccessToken, cancellationToken: _ct);
        mine["pagination"]!["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task a_pledge_whose_campaign_was_cancelled_before_it_was_paid_opens_no_payment()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 300m, _ct);
        var admin = await _driver.AdminAsync(_ct);
        var (status, body, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Patch, $"/api/campaigns/{campaignId}/status",
            new { status = "cancelled", reason = "Beneficiary could not be verified" }, admin.AccessToken, _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        await Eventually.UntilAsync(
            async () => (await DonationDriver.GetPledgeAsync(pledge, _ct))["campaignStatus"]?.GetValue<string>() == "cancelled",
            DonationDriver.Deadline, "pledges heard that the campaign was cancelled", TimeSpan.FromMilliseconds(150));

        var (initiated, answer) = await DonationDriver.PostAsync(pledge.Client, "/api/payments/initiate", new { pledgeId = pledge.Id },
            Guid.NewGuid().ToString(), null, pledge.GuestToken, _ct);

        initiated.ShouldBe(HttpStatusCode.Conflict, answer.ToJsonString());
        Api.ErrorCode(answer).ShouldBe("CAMPAIGN_NOT_ACCEPTING_DONATIONS");
    }

    private static bool Accepted(JsonNode entry) => entry["accepted"]!.GetValue<bool>();

    private static string? From(JsonNode entry) => entry["fromStatus"]?.GetValue<string>();

    private static string To(JsonNode entry) => entry["toStatus"]!.GetValue<string>();

    public void Dispose() => _driver.Dispose();
}
