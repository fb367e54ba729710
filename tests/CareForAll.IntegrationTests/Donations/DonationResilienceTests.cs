namespace CareForAll.IntegrationTests.Donations;

/// <summary>A donation keeps its money when a service or the broker is away in the middle of it.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DonationResilienceTests(PlatformFixture platform) : IDisposable
{
    private readonly DonationDriver _driver = new(platform, subnet: 41);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token;

    [Fact]
    public async Task a_payment_completed_while_pledges_is_stopped_reaches_the_pledge_and_the_campaign_once_it_is_back()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 900m, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);

        await platform.StopResourceAsync("pledges", _ct);
        try
        {
            await _driver.PayAsync(new { tranId = payment.TranId, browserReturn = "after-ipn" }, _ct);
            await _driver.WaitForPaymentStatusAsync(payment.Id, "completed", _ct);
            (await _driver.RaisedAsync(campaignId, _ct)).ShouldBe(0m);
        }
        finally
        {
            await platform.StartResourceAsync("pledges", _ct);
        }

        await DonationDriver.WaitForPledgeStatusAsync(pledge, "completed", _ct);
        await _driver.WaitForRaisedAsync(campaignId, 900m, _ct);
    }

    [Fact]
    public async Task rabbitmq_restarted_in_the_middle_of_a_donation_loses_nothing_and_doubles_nothing()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 1200m, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);

        await platform.StopResourceAsync("rabbitmq", _ct);
        try
        {
            // Payments needs no broker to settle: its events wait in its outbox.
            await _driver.PayAsync(new { tranId = payment.TranId, ipn = new { copies = 2 }, browserReturn = "after-ipn" }, _ct);
            await _driver.WaitForPaymentStatusAsync(payment.Id, "completed", _ct);
        }
        finally
        {
            await platform.StartResourceAsync("rabbitmq", _ct);
        }

        await DonationDriver.WaitForPledgeStatusAsync(pledge, "completed", _ct);
        await _driver.WaitForRaisedAsync(campaignId, 1200m, _ct);

        // A second donation after the restart proves the consumers are back, and that the first was not applied twice.
        var second = await _driver.GuestPledgeAsync(campaignId, 100m, _ct);
        var secondPayment = await DonationDriver.InitiateAsync(second, _ct);
        await _driver.PayAsync(new { tranId = secondPayment.TranId }, _ct);
        await _driver.WaitForRaisedAsync(campaignId, 1300m, _ct);
    }

    public void Dispose() => _driver.Dispose();
}
