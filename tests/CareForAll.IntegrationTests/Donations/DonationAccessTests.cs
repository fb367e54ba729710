using System.Net;

namespace CareForAll.IntegrationTests.Donations;

/// <summary>No donor reads another's pledge or payment, and only admins move money or campaigns.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DonationAccessTests(PlatformFixture platform) : IDisposable
{
    private readonly DonationDriver _driver = new(platform, subnet: 43);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    [Fact]
    public async Task a_signed_in_donor_cannot_read_another_donors_pledge_or_payment()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var owner = await _driver.NewUserAsync("owner", _ct);
        var stranger = await _driver.NewUserAsync("stranger", _ct);
        var pledge = await _driver.UserPledgeAsync(owner, campaignId, 150m, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);
        var client = _driver.NewClient();

        foreach (var path in new[] { $"/api/pledges/{pledge.Id}", $"/api/payments/{payment.Id}", $"/api/payments/pledge/{pledge.Id}" })
        {
            var (status, body, _) = await Api.SendAsync(client, HttpMethod.Get, path, accessToken: stranger.AccessToken, cancellationToken: _ct);
            status.ShouldBeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], path);
            body["data"].ShouldBeNull(path);
            (status, _, _) = await Api.SendAsync(client, HttpMethod.Get, path, accessToken: owner.AccessToken, cancellationToken: _ct);
            status.ShouldBe(HttpStatusCode.OK, path);
        }

        var (listStatus, _, _) = await Api.SendAsync(client, HttpMethod.Get, $"/api/pledges/user/{owner.UserId}", accessToken: stranger.AccessToken, cancellationToken: _ct);
        listStatus.ShouldBe(HttpStatusCode.Forbidden);

        // Nor can the stranger pay it: initiation reads the pledge as the caller.
        var (initiateStatus, _) = await DonationDriver.PostAsync(client, "/api/payments/initiate", new { pledgeId = pledge.Id },
            Guid.NewGuid().ToString(), stranger.AccessToken, null, _ct);
        initiateStatus.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_guests_pledge_token_opens_that_pledge_and_its_payment_and_nothing_else()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var mine = await _driver.GuestPledgeAsync(campaignId, 100m, _ct);
        var theirs = await _driver.GuestPledgeAsync(campaignId, 100m, _ct);
        var theirPayment = await DonationDriver.InitiateAsync(theirs, _ct);
        var myPayment = await DonationDriver.InitiateAsync(mine, _ct);

        (await DonationDriver.GetPledgeAsync(mine, _ct))["id"]!.GetValue<string>().ShouldBe(mine.Id.ToString());
        foreach (var path in new[] { $"/api/pledges/{theirs.Id}", $"/api/payments/{theirPayment.Id}", $"/api/payments/pledge/{theirs.Id}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            DonationDriver.Authorize(request, null, mine.GuestToken);
            using var response = await mine.Client.SendAsync(request, _ct);
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], path);
        }

        using var own = new HttpRequestMessage(HttpMethod.Get, $"/api/payments/{myPayment.Id}");
        DonationDriver.Authorize(own, null, mine.GuestToken);
        using var ownResponse = await mine.Client.SendAsync(own, _ct);
        ownResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_donor_who_is_not_an_admin_cannot_refund_release_reject_or_move_a_campaign()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var donor = await _driver.NewUserAsync("not-admin", _ct);
        var pledge = await _driver.UserPledgeAsync(donor, campaignId, 500m, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);
        await _driver.PayAsync(new { tranId = payment.TranId }, _ct);
        await _driver.WaitForPaymentStatusAsync(payment.Id, "completed", _ct);
        var client = _driver.NewClient();

        foreach (var action in new[] { "refund", "release", "reject" })
        {
            var (status, _) = await DonationDriver.PostAsync(client, $"/api/payments/{payment.Id}/{action}", new { reason = "mine" },
                Guid.NewGuid().ToString(), donor.AccessToken, null, _ct);
            status.ShouldBe(HttpStatusCode.Forbidden, action);
        }

        var (campaignStatus, _, _) = await Api.SendAsync(client, HttpMethod.Patch, $"/api/campaigns/{campaignId}/status",
            new { status = "cancelled", reason = "mine now" }, donor.AccessToken, _ct);
        campaignStatus.ShouldBe(HttpStatusCode.Forbidden);

        (await _driver.GetPaymentAsAdminAsync(payment.Id, _ct))["status"]!.GetValue<string>().ShouldBe("completed");
        await _driver.WaitForRaisedAsync(campaignId, 500m, _ct);
    }

    public void Dispose() => _driver.Dispose();
}
