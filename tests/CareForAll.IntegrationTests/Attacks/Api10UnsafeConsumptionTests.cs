using System.Net;
using CareForAll.IntegrationTests.Donations;

namespace CareForAll.IntegrationTests.Attacks;

/// <summary>
/// API10:2023 Unsafe Consumption of APIs: what arrives claiming to be SSLCommerz (the IPN, the donor's browser coming
/// back) is data to check, never to trust: hostile values in its fields change nothing, break nothing, and the
/// browser is only ever sent back to CareForAll's own result page.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class Api10UnsafeConsumptionTests(PlatformFixture platform) : IDisposable
{
    private const string Owasp = "API10 unsafe consumption of the SSLCommerz IPN";

    // The three pages SSLCommerz sends the donor's browser back to.
    private static readonly string[] ReturnOutcomes = ["success", "fail", "cancel"];
    private readonly DonationDriver _driver = new(platform, subnet: 208);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    [Fact]
    public async Task hostile_values_in_a_notification_move_nothing_and_never_fail()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 400m, _ct);
        var payment = await DonationDriver.InitiateAsync(pledge, _ct);
        var client = _driver.NewClient();
        var paymentsBefore = await platform.CountAsync("paymentsdb", "SELECT count(*) FROM payments.payments", new { }, _ct);

        var hostile = new (string Attack, Dictionary<string, string> Fields)[]
        {
            ("SQL in tran_id and val_id", new() { ["tran_id"] = "' OR '1'='1", ["val_id"] = "'; UPDATE payments.payments SET status='completed'; --", ["status"] = "VALID", ["amount"] = "400.00", ["currency"] = "BDT" }),
            ("our tran_id with SQL in val_id", new() { ["tran_id"] = payment.TranId, ["val_id"] = "x' OR 1=1 --", ["status"] = "VALID", ["amount"] = "400.00", ["currency"] = "BDT" }),
            ("a path and a query in val_id (steering the validation call)", new() { ["tran_id"] = payment.TranId, ["val_id"] = "../../validator/api/x.php?val_id=1&store_id=other#", ["status"] = "VALID", ["amount"] = "400.00" }),
            ("script in every field", new() { ["tran_id"] = payment.TranId, ["val_id"] = "<script>alert(1)</script>", ["status"] = "<script>", ["amount"] = "<b>1</b>", ["card_type"] = "<img src=x onerror=alert(1)>" }),
            ("absurd amounts", new() { ["tran_id"] = payment.TranId, ["val_id"] = "v", ["status"] = "VALID", ["amount"] = "1e309", ["store_amount"] = "-400", ["currency_amount"] = "NaN" }),
            ("a status SSLCommerz never sends", new() { ["tran_id"] = payment.TranId, ["val_id"] = "v", ["status"] = "VALIDATED_BY_ME", ["amount"] = "400.00" }),
            ("a 60,000-character field", new() { ["tran_id"] = payment.TranId, ["val_id"] = new string('v', 60_000), ["status"] = "VALID", ["amount"] = "400.00" }),
            ("the same field twice with different values", new() { ["tran_id"] = payment.TranId, ["status"] = "VALID", ["amount"] = "400.00" }),
            ("no fields at all", new()),
        };

        foreach (var (attack, fields) in hostile)
        {
            await AttackLedger.TryAsync(Owasp, $"an IPN with {attack}", async () =>
            {
                HttpContent content = attack.StartsWith("the same field twice", StringComparison.Ordinal)
                    ? new StringContent($"tran_id={payment.TranId}&tran_id=other&status=FAILED&status=VALID&amount=1&amount=400.00&val_id=a&val_id=b",
                        System.Text.Encoding.ASCII, "application/x-www-form-urlencoded")
                    : new FormUrlEncodedContent(fields);
                var answer = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/payments/webhook/ipn", content: content, ct: _ct);
                answer.ShouldNotBeServerError();
                answer.Text.ShouldNotContain("<script", Case.Insensitive);
                await UnpaidAsync(payment);
            });
        }

        await AttackLedger.TryAsync(Owasp, "an IPN sent as JSON instead of a form", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/payments/webhook/ipn",
                new { tran_id = payment.TranId, status = "VALID", amount = "400.00", val_id = "v" }, ct: _ct);
            answer.ShouldNotBeServerError();
            await UnpaidAsync(payment);
        });

        await AttackLedger.TryAsync(Owasp, "a browser return claiming success, with a redirect of the attacker's choosing", async () =>
        {
            foreach (var outcome in ReturnOutcomes)
            {
                using var noRedirects = platform.CreateGatewayClient(IPAddress.Parse("127.208.250.1"));
                var answer = await AttackHttp.SendAsync(noRedirects, HttpMethod.Post, $"/api/payments/return/{outcome}", content: new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["tran_id"] = payment.TranId, ["val_id"] = "forged", ["status"] = "VALID", ["amount"] = "400.00", ["currency"] = "BDT",
                    ["value_a"] = "https://evil.example/steal", ["success_url"] = "https://evil.example/", ["redirect"] = "https://evil.example/",
                }), ct: _ct);
                answer.ShouldNotBeServerError();
                var location = answer.Response.Headers.Location;
                if (location is not null)
                {
                    var target = location.IsAbsoluteUri ? location : new Uri(platform.Gateway.BaseAddress!, location);
                    target.Host.ShouldNotBe("evil.example");
                    target.Host.ShouldBeOneOf("localhost", "127.0.0.1", platform.Gateway.BaseAddress!.Host);
                }

                await UnpaidAsync(payment);
            }
        });

        await AttackLedger.TryAsync(Owasp, "hostile notifications created or removed payments", async () =>
            (await platform.CountAsync("paymentsdb", "SELECT count(*) FROM payments.payments", new { }, _ct)).ShouldBeGreaterThanOrEqualTo(paymentsBefore));

        // The control: the genuine payment still completes, so the notifications above were refused on their merits.
        await _driver.PayAsync(new { tranId = payment.TranId }, _ct);
        await _driver.WaitForPaymentStatusAsync(payment.Id, "completed", _ct);
        await _driver.WaitForRaisedAsync(campaignId, 400m, _ct);
    }

    private async Task UnpaidAsync(Payment payment)
    {
        (await _driver.GetPaymentAsAdminAsync(payment.Id, _ct))["status"]!.GetValue<string>().ShouldBe("pending");
        (await platform.CountAsync("paymentsdb",
            "SELECT count(*) FROM payments.payment_state_history WHERE payment_id = @id AND accepted AND to_status IN ('authorized', 'captured', 'completed', 'failed')",
            new { id = payment.Id }, _ct)).ShouldBe(0);
    }

    public void Dispose() => _driver.Dispose();
}
