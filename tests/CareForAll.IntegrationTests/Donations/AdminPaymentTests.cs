using System.Net;
using System.Text.Json.Nodes;

namespace CareForAll.IntegrationTests.Donations;

/// <summary>Refunds and risk-held payments: what an admin does to money, and that the totals follow exactly.</summary>
[Collection(SharedPlatform.Name)]
public sealed class AdminPaymentTests(PlatformFixture platform) : IDisposable
{
    private readonly DonationDriver _driver = new(platform, subnet: 42);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    [Fact]
    public async Task a_refund_returns_the_money_and_takes_it_off_the_campaign_with_the_admin_recorded()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var kept = await CompletedDonationAsync(campaignId, 300m);
        var refunded = await CompletedDonationAsync(campaignId, 800m);
        await _driver.WaitForRaisedAsync(campaignId, 1100m, _ct);
        var admin = await _driver.AdminAsync(_ct);

        var (status, body) = await DonationDriver.PostAsync(_driver.NewClient(), $"/api/payments/{refunded.Payment.Id}/refund",
            new { reason = "Donor asked for it back" }, Guid.NewGuid().ToString(), admin.AccessToken, null, _ct);
        status.ShouldBe(HttpStatusCode.Accepted, body.ToJsonString());

        await _driver.WaitForPaymentStatusAsync(refunded.Payment.Id, "refunded", _ct);
        await DonationDriver.WaitForPledgeStatusAsync(refunded.Pledge, "refunded", _ct);
        await _driver.WaitForRaisedAsync(campaignId, 300m, _ct);
        (await DonationDriver.GetPledgeAsync(kept.Pledge, _ct))["status"]!.GetValue<string>().ShouldBe("completed");
        ActorOf(await _driver.HistoryAsync(refunded.Payment.Id, _ct), "refunded").ShouldBe(admin.UserId.ToString());
    }

    [Fact]
    public async Task a_risk_held_payment_counts_only_once_released_and_a_rejected_one_never_counts()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var released = await HeldDonationAsync(campaignId, 2000m);
        var rejected = await HeldDonationAsync(campaignId, 3000m);
        (await _driver.RaisedAsync(campaignId, _ct)).ShouldBe(0m);
        var admin = await _driver.AdminAsync(_ct);
        var client = _driver.NewClient();

        var (status, body) = await DonationDriver.PostAsync(client, $"/api/payments/{released.Payment.Id}/release", new { }, null, admin.AccessToken, null, _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        (status, body) = await DonationDriver.PostAsync(client, $"/api/payments/{rejected.Payment.Id}/reject",
            new { reason = "Card reported stolen" }, Guid.NewGuid().ToString(), admin.AccessToken, null, _ct);
        status.ShouldBe(HttpStatusCode.Accepted, body.ToJsonString());

        await _driver.WaitForPaymentStatusAsync(released.Payment.Id, "completed", _ct);
        await _driver.WaitForPaymentStatusAsync(rejected.Payment.Id, "refunded", _ct);
        await DonationDriver.WaitForPledgeStatusAsync(released.Pledge, "completed", _ct);
        await DonationDriver.WaitForPledgeStatusAsync(rejected.Pledge, "refunded", _ct);
        await _driver.WaitForRaisedAsync(campaignId, 2000m, _ct);
        ActorOf(await _driver.HistoryAsync(released.Payment.Id, _ct), "completed").ShouldBe(admin.UserId.ToString());
        ActorOf(await _driver.HistoryAsync(rejected.Payment.Id, _ct), "refunded").ShouldBe(admin.UserId.ToString());
    }

    private async Task<(Pledge Pledge, Payment Payment)> CompletedDonationAsync(Guid campaignId, decimal amount)
    {
        var pledge = await _driver.GuestPledgeAsync(campaignId, amount, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);
        await _driver.PayAsync(new { tranId = payment.TranId }, _ct);
        await _driver.WaitForPaymentStatusAsync(payment.Id, "completed", _ct);
        return (pledge, payment);
    }

    private async Task<(Pledge Pledge, Payment Payment)> HeldDonationAsync(Guid campaignId, decimal amount)
    {
        var pledge = await _driver.GuestPledgeAsync(campaignId, amount, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);
        await _driver.PayAsync(new { tranId = payment.TranId, riskLevel = 1, method = "card" }, _ct);
        await _driver.WaitForPaymentStatusAsync(payment.Id, "captured", _ct);
        return (pledge, payment);
    }

    private static string? ActorOf(List<JsonNode> history, string toStatus) =>
        history.Single(h => h["accepted"]!.GetValue<bool>() && h["toStatus"]!.GetValue<string>() == toStatus)["actor"]?["actorId"]?.GetValue<string>();

    public void Dispose() => _driver.Dispose();
}
