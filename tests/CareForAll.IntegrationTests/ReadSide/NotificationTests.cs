using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareForAll.IntegrationTests.Donations;
using CareForAll.IntegrationTests.Mail;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.IntegrationTests.ReadSide;

/// <summary>Mail a donor really receives (read from the SMTP sink), and the guest history link it carries.</summary>
[Collection(SharedPlatform.Name)]
public sealed partial class NotificationTests(PlatformFixture platform) : IDisposable
{
    private readonly DonationDriver _driver = new(platform, subnet: 51);
    private readonly Mailbox _mailbox = new(platform);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    [Fact]
    public async Task a_guest_donation_sends_exactly_one_receipt_whose_link_opens_that_guests_history_and_no_one_elses()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var guest = Api.NewEmail("receipt");
        var other = Api.NewEmail("other-guest");
        var pledge = await _driver.GuestPledgeAsync(campaignId, 1234m, _ct, email: guest);
        var payment = await _driver.CompleteAsync(pledge, _ct);
        await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 77m, _ct, email: other), _ct);

        var receipts = await _mailbox.WaitForAsync(guest, _ => true, 1, "mail", _ct);
        string? receiptText = null;
        await Eventually.UntilAsync(async () =>
        {
            var withTranId = new List<string>();
            foreach (var message in await _mailbox.MessagesToAsync(guest, _ct))
            {
                var text = await _mailbox.PlainTextAsync(message, _ct);
                if (text.Contains(payment.TranId, StringComparison.Ordinal))
                {
                    withTranId.Add(text);
                }
            }

            receiptText = withTranId.FirstOrDefault();
            return withTranId.Count == 1;
        }, Mailbox.Deadline, $"{guest} received a receipt naming {payment.TranId}", TimeSpan.FromMilliseconds(250));

        // Everything notifications queued for this guest has gone out; the sink still holds one receipt, not two.
        await Eventually.UntilAsync(
            async () => await platform.ScalarAsync<long>("notificationsdb",
                "SELECT count(*) FROM notifications.notifications WHERE lower(recipient_email) = lower(@guest) AND status <> 'sent'", new { guest }, _ct) == 0,
            Mailbox.Deadline, "every mail to the guest was sent", TimeSpan.FromMilliseconds(250));
        var texts = new List<string>();
        foreach (var message in await _mailbox.MessagesToAsync(guest, _ct))
        {
            texts.Add(await _mailbox.PlainTextAsync(message, _ct));
        }

        texts.Count(t => t.Contains(payment.TranId, StringComparison.Ordinal)).ShouldBe(1);
        receiptText.ShouldNotBeNull().ShouldContain("1,234.00");

        var link = HistoryLink().Match(receiptText!);
        link.Success.ShouldBeTrue("the receipt carries the guest's history link");
        var linkEmail = Uri.UnescapeDataString(link.Groups["email"].Value);
        var token = link.Groups["token"].Value;
        linkEmail.ShouldBe(guest, StringCompareShould.IgnoreCase);

        var (status, body) = await GuestHistoryAsync(linkEmail, token);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        var donations = body["data"]!.AsArray();
        donations.Count.ShouldBe(1);
        donations[0]!["amount"]!.GetValue<decimal>().ShouldBe(1234m);

        // The same token for another address, an altered token and an expired one open nothing.
        (await GuestHistoryAsync(other, token)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        (await GuestHistoryAsync(linkEmail, altered)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        var expired = new GuestAccessTokens(platform.GuestTokenKey, new FixedClock(DateTimeOffset.UtcNow.AddDays(-31)))
            .IssueForDonorHistory(guest, TimeSpan.FromDays(30));
        (await GuestHistoryAsync(guest, expired)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        var fresh = new GuestAccessTokens(platform.GuestTokenKey, TimeProvider.System).IssueForDonorHistory(guest, TimeSpan.FromMinutes(5));
        (await GuestHistoryAsync(guest, fresh)).Status.ShouldBe(HttpStatusCode.OK, "a token made with the platform's key works, so the refusals above are about expiry");
    }

    [Fact]
    public async Task asking_for_the_history_link_answers_the_same_for_a_known_and_an_unknown_address_and_mails_only_the_known_one()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var known = Api.NewEmail("known");
        var unknown = Api.NewEmail("unknown");
        await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 50m, _ct, email: known), _ct);
        await Eventually.UntilAsync(async () => (await _mailbox.MessagesToAsync(known, _ct)).Count >= 2,
            Mailbox.Deadline, "the guest's pledge and receipt mails arrived", TimeSpan.FromMilliseconds(250));
        var before = (await _mailbox.MessagesToAsync(known, _ct)).Count;

        var (knownStatus, knownBody, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Post, "/api/notifications/guest-history-link", new { email = known }, cancellationToken: _ct);
        var (unknownStatus, unknownBody, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Post, "/api/notifications/guest-history-link", new { email = unknown }, cancellationToken: _ct);

        knownStatus.ShouldBe(HttpStatusCode.Accepted, knownBody.ToJsonString());
        unknownStatus.ShouldBe(knownStatus);
        knownBody["data"]!.ToJsonString().ShouldBe(unknownBody["data"]!.ToJsonString());
        var links = await _mailbox.WaitForAsync(known, _ => true, before + 1, "the history link", _ct);
        HistoryLink().IsMatch(await _mailbox.PlainTextAsync(links[^1], _ct)).ShouldBeTrue();
        (await _mailbox.MessagesToAsync(unknown, _ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_notification_history_is_the_users_own_and_the_mail_route_is_not_reachable_through_the_gateway()
    {
        var donor = await _driver.NewUserAsync("history", _ct);
        var stranger = await _driver.NewUserAsync("stranger", _ct);
        await _mailbox.WaitForAsync(donor.Email, _ => true, 1, "the welcome mail", _ct);

        await Eventually.UntilAsync(async () =>
        {
            var (status, body, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Get, $"/api/notifications/user/{donor.UserId}",
                accessToken: donor.AccessToken, cancellationToken: _ct);
            status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
            return body["data"]!.AsArray().Count >= 1;
        }, Mailbox.Deadline, "the welcome mail shows in the user's notification history", TimeSpan.FromMilliseconds(250));

        var (denied, deniedBody, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Get, $"/api/notifications/user/{donor.UserId}",
            accessToken: stranger.AccessToken, cancellationToken: _ct);
        denied.ShouldBe(HttpStatusCode.Forbidden, deniedBody.ToJsonString());

        var admin = await _driver.AdminAsync(_ct);
        var (routed, routedBody, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Post, "/api/notifications/email",
            new { to = stranger.Email, subject = "Hello", text = "From outside" }, admin.AccessToken, _ct);
        routed.ShouldBe(HttpStatusCode.NotFound, routedBody.ToJsonString());
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> GuestHistoryAsync(string email, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/query/guests/donations");
        request.Headers.Add(GuestAccessTokens.DonorEmailHeader, email);
        request.Headers.Add(GuestAccessTokens.DonorHistoryTokenHeader, token);
        using var response = await _driver.NewClient().SendAsync(request, _ct);
        var text = await response.Content.ReadAsStringAsync(_ct);
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!);
    }

    [GeneratedRegex(@"/donations/guest#email=(?<email>[^&\s]+)&token=(?<token>[A-Za-z0-9_.\-]+)")]
    private static partial Regex HistoryLink();

    public void Dispose()
    {
        _mailbox.Dispose();
        _driver.Dispose();
    }
}
