using System.Net;
using System.Security.Cryptography;
using System.Text;
using CareForAll.AppHost.Secrets;
using CareForAll.IntegrationTests.Donations;

namespace CareForAll.IntegrationTests.Attacks;

/// <summary>
/// API6:2023 Unrestricted Access to Sensitive Business Flows: the money flow cannot be driven by anyone but a real
/// payment and an admin: forged, replayed or mismatched notifications, refunds twice over and pledges to campaigns
/// that take none are refused, and no money moves (the payment's status, the campaign's totals).
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class Api6SensitiveBusinessFlowTests(PlatformFixture platform) : IDisposable
{
    private const string Owasp = "API6 sensitive business flows";

    // Where SSLCommerz posts: its server's IPN and the donor's browser coming back.
    private static readonly string[] NotificationTargets = ["ipn", "success"];
    private readonly DonationDriver _driver = new(platform, subnet: 205);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token;

    [Fact]
    public async Task forged_replayed_and_mismatched_notifications_move_no_money()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var paid = await _driver.GuestPledgeAsync(campaignId, 500m, _ct);
        var paidPayment = await _driver.CompleteAsync(paid, _ct);
        await _driver.WaitForRaisedAsync(campaignId, 500m, _ct);
        var unpaid = await _driver.GuestPledgeAsync(campaignId, 300m, _ct);
        var unpaidPayment = await DonationDriver.InitiateAsync(unpaid, _ct);
        var client = _driver.NewClient();

        await AttackLedger.TryAsync(Owasp, "an IPN with a forged signature for an unpaid payment", async () =>
        {
            var delivery = await _driver.NotifyAsync(new { tranId = unpaidPayment.TranId, tamper = true }, _ct);
            ((int)delivery["responseStatus"]!.GetValue<int>()).ShouldBeLessThan(500, delivery.ToJsonString());
            await UnpaidShouldStayUnpaidAsync(unpaidPayment);
        });

        await AttackLedger.TryAsync(Owasp, "a correctly signed IPN claiming a smaller amount (1.00 for 300.00)", async () =>
        {
            var delivery = await _driver.NotifyAsync(new { tranId = unpaidPayment.TranId, amount = 1m }, _ct);
            ((int)delivery["responseStatus"]!.GetValue<int>()).ShouldBeLessThan(500, delivery.ToJsonString());
            await UnpaidShouldStayUnpaidAsync(unpaidPayment, signed: true);
        });

        await AttackLedger.TryAsync(Owasp, "a hand-signed IPN (store password known) in another currency with an invented val_id", async () =>
        {
            var answer = await PostIpnAsync(client, new Dictionary<string, string>
            {
                ["tran_id"] = unpaidPayment.TranId, ["val_id"] = $"forged{Guid.NewGuid():N}"[..20], ["amount"] = "300.00",
                ["currency"] = "USD", ["currency_type"] = "USD", ["currency_amount"] = "300.00", ["status"] = "VALID",
                ["store_amount"] = "292.50", ["bank_tran_id"] = "forged", ["card_type"] = "BKASH-BKash", ["risk_level"] = "0",
            });
            answer.ShouldNotBeServerError();
            await UnpaidShouldStayUnpaidAsync(unpaidPayment, signed: true);
        });

        await AttackLedger.TryAsync(Owasp, "a hand-signed IPN for the paid payment's val_id sent with the unpaid payment's tran_id", async () =>
        {
            var valId = await platform.ScalarAsync<string>("paymentsdb", "SELECT val_id FROM payments.payments WHERE id = @id", new { id = paidPayment.Id }, _ct);
            var answer = await PostIpnAsync(client, new Dictionary<string, string>
            {
                ["tran_id"] = unpaidPayment.TranId, ["val_id"] = valId, ["amount"] = "300.00", ["currency"] = "BDT", ["status"] = "VALID",
                ["store_amount"] = "292.50", ["bank_tran_id"] = "forged", ["card_type"] = "BKASH-BKash", ["risk_level"] = "0",
            });
            answer.ShouldNotBeServerError();
            await UnpaidShouldStayUnpaidAsync(unpaidPayment, signed: true);
        });

        var unknownTranId = $"CFA{Guid.NewGuid():N}"[..25].ToUpperInvariant();
        await AttackLedger.TryAsync(Owasp, "a genuine sandbox IPN for a tran_id CareForAll never issued", async () =>
        {
            await _driver.ForeignSessionAsync(unknownTranId, 300m, _ct);
            var delivery = await _driver.NotifyAsync(new { tranId = unknownTranId }, _ct);
            ((int)delivery["responseStatus"]!.GetValue<int>()).ShouldBeLessThan(500, delivery.ToJsonString());
            (await platform.CountAsync("paymentsdb", "SELECT count(*) FROM payments.payments WHERE tran_id = @unknownTranId", new { unknownTranId }, _ct)).ShouldBe(0);
        });

        await AttackLedger.TryAsync(Owasp, "the paid payment's genuine IPN replayed three times", async () =>
        {
            for (var replay = 0; replay < 3; replay++)
            {
                var delivery = await _driver.NotifyAsync(new { tranId = paidPayment.TranId }, _ct);
                ((int)delivery["responseStatus"]!.GetValue<int>()).ShouldBeLessThan(500, delivery.ToJsonString());
            }

            (await platform.CountAsync("paymentsdb",
                "SELECT count(*) FROM payments.payment_state_history WHERE payment_id = @id AND to_status = 'completed' AND accepted", new { id = paidPayment.Id }, _ct)).ShouldBe(1);
            (await _driver.GetPaymentAsAdminAsync(paidPayment.Id, _ct))["status"]!.GetValue<string>().ShouldBe("completed");
        });

        // A marker donation settles after the attacks above: the total is exactly the two real donations.
        await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 10m, _ct), _ct);
        await _driver.WaitForRaisedAsync(campaignId, 510m, _ct);
        await AttackLedger.TryAsync(Owasp, "the notifications above moved the campaign's money", async () =>
        {
            (await _driver.RaisedAsync(campaignId, _ct)).ShouldBe(510m);
            (await platform.ScalarAsync<decimal>("campaignsdb", "SELECT current_amount FROM campaigns.campaigns WHERE id = @campaignId", new { campaignId }, _ct)).ShouldBe(510m);
            // The read side follows the same events a moment later; it must settle on the same figure.
            await Eventually.UntilAsync(
                async () => (await AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/query/campaigns/{campaignId}/totals", ct: _ct)).Body["data"]!
                    .AsObject().Any(p => p.Value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<decimal>(out var d) && d == 510m),
                DonationDriver.Deadline, "the read side's totals show 510", TimeSpan.FromMilliseconds(200));
            (await platform.ScalarAsync<string>("pledgesdb", "SELECT status FROM pledges.pledges WHERE id = @id", new { id = unpaid.Id }, _ct))
                .ShouldBeOneOf("payment_initiated", "failed");
        });
    }

    [Fact]
    public async Task a_refunded_payment_cannot_be_refunded_again_nor_revived_by_a_notification()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 900m, _ct);
        var payment = await _driver.CompleteAsync(pledge, _ct);
        await _driver.WaitForRaisedAsync(campaignId, 900m, _ct);
        var admin = await _driver.AdminAsync(_ct);
        var client = _driver.NewClient();
        var refunded = await AttackHttp.SendAsync(client, HttpMethod.Post, $"/api/payments/{payment.Id}/refund", new { reason = "Donor asked" },
            admin.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct);
        ((int)refunded.Status).ShouldBeInRange(200, 299, refunded.ToString());
        await _driver.WaitForPaymentStatusAsync(payment.Id, "refunded", _ct);
        await _driver.WaitForRaisedAsync(campaignId, 0m, _ct);

        await AttackLedger.TryAsync(Owasp, "a refund of a refunded payment", async () =>
        {
            (await AttackHttp.SendAsync(client, HttpMethod.Post, $"/api/payments/{payment.Id}/refund", new { reason = "Again" },
                admin.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct)).ShouldBeRefused(HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest);
            (await AttackHttp.SendAsync(client, HttpMethod.Post, $"/api/admin/payments/{payment.Id}/refund", new { reason = "Again, through admin" },
                admin.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct)).ShouldBeRefused(HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest);
            (await platform.CountAsync("paymentsdb", "SELECT count(*) FROM payments.refunds WHERE payment_id = @id", new { id = payment.Id }, _ct)).ShouldBe(1);
        });

        await AttackLedger.TryAsync(Owasp, "a genuine VALID notification replayed to a refunded payment", async () =>
        {
            foreach (var target in NotificationTargets)
            {
                var delivery = await _driver.NotifyAsync(new { tranId = payment.TranId, target }, _ct);
                ((int)delivery["responseStatus"]!.GetValue<int>()).ShouldBeLessThan(500, delivery.ToJsonString());
            }

            (await _driver.GetPaymentAsAdminAsync(payment.Id, _ct))["status"]!.GetValue<string>().ShouldBe("refunded");
            (await platform.ScalarAsync<string>("pledgesdb", "SELECT status FROM pledges.pledges WHERE id = @id", new { id = pledge.Id }, _ct)).ShouldBe("refunded");
        });

        await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 11m, _ct), _ct);
        await _driver.WaitForRaisedAsync(campaignId, 11m, _ct);
        await AttackLedger.TryAsync(Owasp, "the refunded money came back to the campaign", async () =>
            (await platform.ScalarAsync<decimal>("campaignsdb", "SELECT current_amount FROM campaigns.campaigns WHERE id = @campaignId", new { campaignId }, _ct)).ShouldBe(11m));
    }

    [Fact]
    public async Task pledges_to_campaigns_that_take_none_are_refused()
    {
        var organizer = await _driver.VerifiedUserAsync("flow-organiser", _ct);
        var admin = await _driver.AdminAsync(_ct);
        var donor = await _driver.NewUserAsync("flow-donor", _ct);
        var client = _driver.NewClient();

        async Task<Guid> CampaignAsync(string? status)
        {
            var created = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/campaigns", new
            {
                title = $"Closed campaign {status ?? "draft"}",
                description = "A campaign that must not accept donations in its current state.",
                campaignType = "long_term",
                goalAmount = 10_000m,
                // An expired campaign is one whose end date passed short of its goal: the closing job marks it.
                endDate = status == "expired" ? DateTimeOffset.UtcNow.AddSeconds(6) : DateTimeOffset.UtcNow.AddDays(30),
            }, organizer.AccessToken, ct: _ct);
            created.Status.ShouldBe(HttpStatusCode.Created, created.ToString());
            var id = Guid.Parse(created.Body["data"]!["id"]!.GetValue<string>());
            if (status == "expired")
            {
                (await AttackHttp.SendAsync(client, HttpMethod.Patch, $"/api/campaigns/{id}/status", new { status = "active", reason = "ok" }, admin.AccessToken, ct: _ct))
                    .Status.ShouldBe(HttpStatusCode.OK);
                await Eventually.UntilAsync(
                    async () => await platform.ScalarAsync<string>("campaignsdb", "SELECT status FROM campaigns.campaigns WHERE id = @id", new { id }, _ct) == "expired",
                    TimeSpan.FromSeconds(90), $"campaign {id} expired", TimeSpan.FromMilliseconds(500));
            }

            if (status is "cancelled" or "completed")
            {
                if (status == "completed")
                {
                    (await AttackHttp.SendAsync(client, HttpMethod.Patch, $"/api/campaigns/{id}/status", new { status = "active", reason = "ok" }, admin.AccessToken, ct: _ct))
                        .Status.ShouldBe(HttpStatusCode.OK);
                }

                var moved = await AttackHttp.SendAsync(client, HttpMethod.Patch, $"/api/campaigns/{id}/status", new { status, reason = "closed for the test" }, admin.AccessToken, ct: _ct);
                moved.Status.ShouldBe(HttpStatusCode.OK, moved.ToString());
            }

            // Pledges learns a campaign's status from its events (or asks campaigns about one it does not know): wait
            // until it holds no older status, so the refusal is about the status under test.
            await Eventually.UntilAsync(
                async () => await platform.ScalarAsync<string?>("pledgesdb", "SELECT status FROM pledges.campaigns WHERE id = @id", new { id }, _ct)
                    is null || await platform.ScalarAsync<string?>("pledgesdb", "SELECT status FROM pledges.campaigns WHERE id = @id", new { id }, _ct) == (status ?? "draft"),
                DonationDriver.Deadline, $"pledges knows campaign {id} is {status ?? "draft"}", TimeSpan.FromMilliseconds(200));
            return id;
        }

        foreach (var status in new string?[] { null, "cancelled", "completed", "expired" })
        {
            var campaignId = await CampaignAsync(status);
            await AttackLedger.TryAsync(Owasp, $"a pledge to a {status ?? "draft"} campaign, as a guest and as a donor", async () =>
            {
                (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/pledges",
                    new { campaignId, amount = 100m, currency = "BDT", donorEmail = Api.NewEmail("flow-guest"), donorName = "G" },
                    headers: AttackHttp.IdempotencyKey(), ct: _ct)).ShouldBeRefused();
                (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/pledges", new { campaignId, amount = 100m, currency = "BDT" },
                    donor.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct)).ShouldBeRefused();
                (await platform.CountAsync("pledgesdb", "SELECT count(*) FROM pledges.pledges WHERE campaign_id = @campaignId", new { campaignId }, _ct)).ShouldBe(0);
                (await platform.ScalarAsync<decimal>("campaignsdb", "SELECT current_amount FROM campaigns.campaigns WHERE id = @campaignId", new { campaignId }, _ct)).ShouldBe(0m);
            });
        }

        await AttackLedger.TryAsync(Owasp, "a pledge to a campaign that does not exist", async () =>
        {
            var campaignId = Guid.NewGuid();
            (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/pledges", new { campaignId, amount = 100m, currency = "BDT" },
                donor.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct)).ShouldBeRefused();
            (await platform.CountAsync("pledgesdb", "SELECT count(*) FROM pledges.pledges WHERE campaign_id = @campaignId", new { campaignId }, _ct)).ShouldBe(0);
        });

        var active = await _driver.ActiveCampaignAsync(_ct);
        foreach (var amount in new[] { -100m, 0m, 0.001m, 1_000_000_000_000m })
        {
            await AttackLedger.TryAsync(Owasp, $"a pledge of {amount} to an active campaign", async () =>
            {
                (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/pledges", new { campaignId = active, amount, currency = "BDT" },
                    donor.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct)).ShouldBeRefused(HttpStatusCode.BadRequest);
                (await platform.CountAsync("pledgesdb", "SELECT count(*) FROM pledges.pledges WHERE campaign_id = @active", new { active }, _ct)).ShouldBe(0);
            });
        }
    }

    /// <summary>
    /// No money was taken: never captured or completed. A notification with a valid signature may move a payment to
    /// authorized (ARCHITECTURE 6: the signature is a tamper check; only the validation API's matching answer captures).
    /// </summary>
    private async Task UnpaidShouldStayUnpaidAsync(Payment payment, bool signed = false)
    {
        var status = (await _driver.GetPaymentAsAdminAsync(payment.Id, _ct))["status"]!.GetValue<string>();
        status.ShouldBeOneOf(signed ? ["pending", "authorized", "failed"] : ["pending", "failed"]);
        (await platform.CountAsync("paymentsdb",
            "SELECT count(*) FROM payments.payment_state_history WHERE payment_id = @id AND to_status IN ('captured', 'completed') AND accepted",
            new { id = payment.Id }, _ct)).ShouldBe(0);
        if (!signed)
        {
            (await platform.CountAsync("paymentsdb",
                "SELECT count(*) FROM payments.payment_state_history WHERE payment_id = @id AND to_status = 'authorized' AND accepted",
                new { id = payment.Id }, _ct)).ShouldBe(0);
        }
    }

    /// <summary>An IPN posted straight at the gateway, signed as SSLCommerz signs (someone who learnt the store password).</summary>
    private async Task<AttackHttp.Answer> PostIpnAsync(HttpClient client, Dictionary<string, string> fields)
    {
        fields["verify_key"] = string.Join(',', fields.Keys.Order(StringComparer.Ordinal));
        var signed = fields.Where(f => f.Key != "verify_key").OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        fields["verify_sign"] = Sign(signed, MD5.HashData);
        fields["verify_sign_sha2"] = Sign(signed, SHA256.HashData);
        return await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/payments/webhook/ipn", content: new FormUrlEncodedContent(fields), ct: _ct);
    }

    private static string Sign(IEnumerable<KeyValuePair<string, string>> signed, Func<byte[], byte[]> hash)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in signed)
        {
            entries[key] = value;
        }

        entries["store_passwd"] = Convert.ToHexStringLower(hash(Encoding.UTF8.GetBytes(PlatformSecrets.DevelopmentStoreId + "@ssl")));
        return Convert.ToHexStringLower(hash(Encoding.UTF8.GetBytes(string.Join('&', entries.Select(e => e.Key + "=" + e.Value)))));
    }

    public void Dispose() => _driver.Dispose();
}
