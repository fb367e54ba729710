using System.Net.Http.Json;
using CareForAll.SslCommerzSandbox.Signing;

namespace CareForAll.SslCommerzSandbox.Tests;

public sealed class ControlPayTests(SandboxApp sandbox) : IClassFixture<SandboxApp>
{
    private static readonly string[] ValidSignedKeys =
    [
        "amount", "bank_tran_id", "base_fair", "card_brand", "card_issuer", "card_issuer_country", "card_issuer_country_code",
        "card_no", "card_sub_brand", "card_type", "currency", "currency_amount", "currency_rate", "currency_type", "error",
        "risk_level", "risk_title", "status", "store_amount", "store_id", "tran_date", "tran_id", "val_id", "value_a", "value_b",
        "value_c", "value_d",
    ];

    private GatewayCalls Gateway => sandbox.Gateway;
    private MerchantReceiver Merchant => sandbox.Merchant;

    [Fact]
    public async Task a_paid_session_sends_one_signed_ipn_with_the_real_field_set()
    {
        var (tranId, sessionKey) = await Gateway.OpenAsync("100.00");

        var paid = await Gateway.PayAsync(new { tranId });

        paid.Text("status").ShouldBe("VALID");
        paid.Text("sessionKey").ShouldBe(sessionKey);
        paid.GetProperty("amount").GetDecimal().ShouldBe(100.00m);
        paid.Text("currency").ShouldBe("BDT");
        await Eventually.UntilAsync(() => Task.FromResult(Merchant.PostsFor(tranId).Count == 1), TimeSpan.FromSeconds(10), "no IPN arrived");
        var ipn = Merchant.PostsFor(tranId).Single();
        ipn.Path.ShouldBe("/ipn");
        ipn.ContentType.ShouldBe("application/x-www-form-urlencoded");
        ipn["val_id"].ShouldBe(paid.Text("valId"));
        ipn["val_id"].ShouldMatch("^[0-9]{12}[A-Za-z0-9]{15}$");
        ipn["bank_tran_id"].ShouldBe(paid.Text("bankTranId"));
        ipn["amount"].ShouldBe("100.00");
        ipn["store_amount"].ShouldBe("97.50");
        ipn["card_type"].ShouldBe("BKASH-BKash");
        ipn["card_brand"].ShouldBe("MOBILEBANKING");
        ipn["risk_level"].ShouldBe("0");
        ipn["risk_title"].ShouldBe("Safe");
        ipn["value_a"].ShouldBe("pledge-42");
        ipn["store_id"].ShouldBe(SandboxApp.StoreId);
        ipn["verify_key"].Split(',').ShouldBe(ValidSignedKeys);
        NotificationSigner.Verify(ipn.Fields, SandboxApp.StorePassword).ShouldBeTrue();
        DateTime.ParseExact(ipn["tran_date"], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            .ShouldBeLessThan(DateTime.ParseExact("20" + ipn["val_id"][..12], "yyyyMMddHHmmss", CultureInfo.InvariantCulture));

        var delivery = (await Gateway.WaitForDeliveriesAsync(tranId, found => found.Length == 1, "the IPN was not recorded")).Single();
        delivery.Keys().ShouldBe(
            ["sequence", "tranId", "kind", "status", "url", "attempt", "copy", "sentAt", "finishedAt", "responseStatus", "responseBody",
             "error", "location", "fields", "delivered"]);
        delivery.GetProperty("finishedAt").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(delivery.GetProperty("sentAt").GetDateTimeOffset());
        delivery.Text("kind").ShouldBe("ipn");
        delivery.Text("status").ShouldBe("VALID");
        delivery.Text("url").ShouldBe(Merchant.IpnUrl);
        delivery.GetProperty("attempt").GetInt32().ShouldBe(1);
        delivery.GetProperty("responseStatus").GetInt32().ShouldBe(200);
        delivery.Text("responseBody").ShouldBe("IPN received");
    }

    [Fact]
    public async Task a_risky_card_payment_is_flagged_not_safe_by_a_foreign_issuer()
    {
        var (tranId, _) = await Gateway.OpenAsync();

        await Gateway.PayAsync(new { tranId, method = "card", riskLevel = 1 });

        var ipn = (await Gateway.WaitForDeliveriesAsync(tranId, found => found.Length == 1, "no IPN")).Single().Fields();
        ipn["risk_level"].ShouldBe("1");
        ipn["risk_title"].ShouldBe("Not Safe");
        ipn["card_brand"].ShouldBe("VISA");
        ipn["card_issuer_country_code"].ShouldNotBe("BD");
        ipn["card_no"].ShouldMatch("^[0-9]{6}XXXXXX[0-9]{4}$");
        NotificationSigner.Verify(ipn, SandboxApp.StorePassword).ShouldBeTrue();
    }

    [Fact]
    public async Task an_ipn_answered_500_is_retried_until_the_merchant_takes_it()
    {
        var (tranId, _) = await Gateway.OpenAsync();
        Merchant.FailFirstIpns(tranId, 2);

        await Gateway.PayAsync(new { tranId, ipn = new { retries = 3 } });

        var deliveries = await Gateway.WaitForDeliveriesAsync(
            tranId, found => found.Any(delivery => delivery.GetProperty("delivered").GetBoolean()), "the IPN never got through");
        deliveries.Select(delivery => delivery.GetProperty("attempt").GetInt32()).ShouldBe([1, 2, 3]);
        deliveries.Select(delivery => delivery.GetProperty("responseStatus").GetInt32()).ShouldBe([500, 500, 200]);
        // Exactly three posts reached the merchant: no hidden resilience handler retried on its own.
        Merchant.PostsFor(tranId).Count.ShouldBe(3);
        (deliveries[2].GetProperty("sentAt").GetDateTimeOffset() - deliveries[0].GetProperty("sentAt").GetDateTimeOffset())
            .ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(550));
    }

    [Fact]
    public async Task retries_stop_when_they_are_spent()
    {
        var (tranId, _) = await Gateway.OpenAsync();
        Merchant.FailFirstIpns(tranId, 5);

        await Gateway.PayAsync(new { tranId, ipn = new { retries = 1 }, browserReturn = "after-ipn" });

        var deliveries = await Gateway.WaitForDeliveriesAsync(tranId, found => found.Any(delivery => !delivery.IsIpn()), "no browser return");
        deliveries.Where(delivery => delivery.IsIpn()).Select(delivery => delivery.GetProperty("responseStatus").GetInt32()).ShouldBe([500, 500]);
    }

    [Fact]
    public async Task three_copies_deliver_three_identical_ipns()
    {
        var (tranId, _) = await Gateway.OpenAsync();

        await Gateway.PayAsync(new { tranId, ipn = new { copies = 3 } });

        await Eventually.UntilAsync(() => Task.FromResult(Merchant.PostsFor(tranId).Count == 3), TimeSpan.FromSeconds(10), "three IPNs did not arrive");
        var posts = Merchant.PostsFor(tranId);
        posts.Select(post => post["verify_sign_sha2"]).Distinct().Count().ShouldBe(1);
        posts.Select(post => string.Join('&', post.Fields.OrderBy(field => field.Key, StringComparer.Ordinal))).Distinct().Count().ShouldBe(1);
        posts.ShouldAllBe(post => NotificationSigner.Verify(post.Fields, SandboxApp.StorePassword));
        var deliveries = await Gateway.WaitForDeliveriesAsync(tranId, found => found.Length == 3, "three deliveries were not recorded");
        deliveries.Select(delivery => delivery.GetProperty("copy").GetInt32()).Order().ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task an_earlier_failure_reaches_the_merchant_before_the_valid_ipn()
    {
        var (tranId, _) = await Gateway.OpenAsync();

        var paid = await Gateway.PayAsync(new { tranId, ipn = new { earlierFailure = true } });

        await Eventually.UntilAsync(() => Task.FromResult(Merchant.PostsFor(tranId).Count == 2), TimeSpan.FromSeconds(10), "two IPNs did not arrive");
        var (failed, valid) = (Merchant.PostsFor(tranId)[0], Merchant.PostsFor(tranId)[1]);
        failed["status"].ShouldBe("FAILED");
        failed.Fields.ShouldNotContainKey("val_id");
        failed["error"].ShouldNotBeEmpty();
        failed["verify_key"].Split(',').ShouldBe(
            failed.Fields.Keys.Where(key => !key.StartsWith("verify_", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        NotificationSigner.Verify(failed.Fields, SandboxApp.StorePassword).ShouldBeTrue();
        valid["status"].ShouldBe("VALID");
        valid["val_id"].ShouldBe(paid.Text("valId"));
        failed["verify_sign"].ShouldNotBe(valid["verify_sign"]);
    }

    [Fact]
    public async Task a_dropped_ipn_is_never_sent()
    {
        var (tranId, _) = await Gateway.OpenAsync();

        await Gateway.PayAsync(new { tranId, ipn = new { drop = true }, browserReturn = "after-ipn" });

        // The browser return comes after the IPN would have; once it is in, no IPN can follow.
        var deliveries = await Gateway.WaitForDeliveriesAsync(tranId, found => found.Length > 0, "the browser return never came");
        deliveries.ShouldAllBe(delivery => delivery.Text("kind") == "browser");
        Merchant.PostsFor(tranId).ShouldAllBe(post => post.Path != "/ipn");
    }

    [Fact]
    public async Task a_delayed_ipn_arrives_after_the_delay()
    {
        var (tranId, _) = await Gateway.OpenAsync();
        var before = DateTimeOffset.UtcNow;

        await Gateway.PayAsync(new { tranId, ipn = new { delayMs = 400 } });

        (await Gateway.DeliveriesAsync(tranId)).ShouldBeEmpty();
        await Eventually.UntilAsync(() => Task.FromResult(Merchant.PostsFor(tranId).Count == 1), TimeSpan.FromSeconds(10), "no IPN arrived");
        (Merchant.PostsFor(tranId)[0].At - before).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task browser_return_before_the_ipn_posts_the_same_fields_first_and_does_not_follow_the_redirect()
    {
        var (tranId, _) = await Gateway.OpenAsync();

        await Gateway.PayAsync(new { tranId, browserReturn = "before-ipn" });

        var deliveries = await Gateway.WaitForDeliveriesAsync(tranId, found => found.Length == 2, "two deliveries did not happen");
        deliveries.Select(delivery => delivery.Text("kind")).ShouldBe(["browser", "ipn"]);
        var browser = deliveries[0];
        browser.Text("url").ShouldBe(Merchant.SuccessUrl);
        browser.GetProperty("responseStatus").GetInt32().ShouldBe(302);
        browser.Text("location").ShouldBe($"/donate/result?tranId={tranId}");
        Merchant.PostsFor(tranId).Select(post => post.Path).ShouldBe(["/return/success", "/ipn"]);
        var (returned, ipn) = (Merchant.PostsFor(tranId)[0], Merchant.PostsFor(tranId)[1]);
        returned.Fields.ShouldBe(ipn.Fields);
        NotificationSigner.Verify(returned.Fields, SandboxApp.StorePassword).ShouldBeTrue();
    }

    [Fact]
    public async Task browser_return_after_the_ipn_comes_second()
    {
        var (tranId, _) = await Gateway.OpenAsync();

        await Gateway.PayAsync(new { tranId, browserReturn = "after-ipn" });

        var deliveries = await Gateway.WaitForDeliveriesAsync(tranId, found => found.Length == 2, "two deliveries did not happen");
        deliveries.Select(delivery => delivery.Text("kind")).ShouldBe(["ipn", "browser"]);
    }

    [Fact]
    public async Task concurrent_browser_return_sends_both()
    {
        var (tranId, _) = await Gateway.OpenAsync();

        await Gateway.PayAsync(new { tranId, browserReturn = "concurrent" });

        var deliveries = await Gateway.WaitForDeliveriesAsync(tranId, found => found.Length == 2, "two deliveries did not happen");
        deliveries.Select(delivery => delivery.Text("kind")).Order().ShouldBe(["browser", "ipn"]);
    }

    [Theory]
    [InlineData("FAILED", "/return/fail")]
    [InlineData("CANCELLED", "/return/cancel")]
    [InlineData("UNATTEMPTED", "/return/fail")]
    [InlineData("EXPIRED", "/return/fail")]
    public async Task unpaid_outcomes_are_signed_over_every_posted_field_and_return_to_their_url(string outcome, string returnPath)
    {
        var (tranId, _) = await Gateway.OpenAsync();

        var paid = await Gateway.PayAsync(new { tranId, outcome, browserReturn = "after-ipn" });

        paid.Text("status").ShouldBe(outcome);
        paid.GetProperty("valId").ValueKind.ShouldBe(JsonValueKind.Null);
        await Eventually.UntilAsync(() => Task.FromResult(Merchant.PostsFor(tranId).Count == 2), TimeSpan.FromSeconds(10), "no deliveries");
        var (ipn, returned) = (Merchant.PostsFor(tranId)[0], Merchant.PostsFor(tranId)[1]);
        returned.Path.ShouldBe(returnPath);
        ipn["status"].ShouldBe(outcome);
        ipn.Fields.GetValueOrDefault("val_id", "").ShouldBe("");
        ipn.Fields.GetValueOrDefault("card_type", "").ShouldBe("");
        ipn["verify_key"].Split(',').ShouldBe(
            ipn.Fields.Keys.Where(key => !key.StartsWith("verify_", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        NotificationSigner.Verify(ipn.Fields, SandboxApp.StorePassword).ShouldBeTrue();
    }

    [Fact]
    public async Task a_paid_session_cannot_be_paid_again()
    {
        var (tranId, _) = await Gateway.OpenAsync();
        await Gateway.PayAsync(new { tranId });

        using var again = await Gateway.Client.PostAsJsonAsync("/_sandbox/pay", new { tranId });

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").Text("code").ShouldBe("SESSION_ALREADY_PAID");
    }

    [Fact]
    public async Task a_failed_attempt_can_be_followed_by_a_payment_in_the_same_session()
    {
        var (tranId, sessionKey) = await Gateway.OpenAsync();

        await Gateway.PayAsync(new { sessionKey, outcome = "FAILED" });
        var paid = await Gateway.PayAsync(new { sessionKey, method = "nagad" });

        paid.Text("status").ShouldBe("VALID");
        var view = await Gateway.GetJsonAsync($"/_sandbox/transactions/{tranId}");
        var attempts = view.GetProperty("sessions")[0].GetProperty("attempts").EnumerateArray().ToArray();
        attempts.Select(attempt => attempt.Text("status")).ShouldBe(["FAILED", "VALID"]);
        attempts[1].Text("cardType").ShouldBe("NAGAD-Nagad");
    }

    [Fact]
    public async Task an_unknown_tran_id_is_not_found_and_a_bad_script_is_a_validation_error()
    {
        using var unknown = await Gateway.Client.PostAsJsonAsync("/_sandbox/pay", new { tranId = "never-opened" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var (tranId, _) = await Gateway.OpenAsync();
        using var invalid = await Gateway.Client.PostAsJsonAsync(
            "/_sandbox/pay", new { tranId, outcome = "MAYBE", method = "cash", ipn = new { copies = 0 }, browserReturn = "sometimes" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        error.Text("code").ShouldBe("VALIDATION_ERROR");
        error.GetProperty("details").Keys().ShouldBe(["outcome", "method", "ipn.copies", "browserReturn"], ignoreOrder: true);
        (await Gateway.DeliveriesAsync(tranId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_method_must_be_one_the_session_offers()
    {
        var tranId = GatewayCalls.NewTranId();
        var fields = Gateway.SessionFields(tranId);
        fields["multi_card_name"] = "bkash";
        await Gateway.OpenSessionAsync(fields);

        using var refused = await Gateway.Client.PostAsJsonAsync("/_sandbox/pay", new { tranId, method = "card" });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
