using System.Net;
using System.Text.Json;

namespace CareForAll.Payments.Tests;

[Collection(PostgresGroup.Name)]
public sealed class EndpointTests(PostgresServer server) : IAsyncLifetime
{
    private TestPayments _payments = null!;
    private PaymentsHost _host = null!;

    public async Task InitializeAsync()
    {
        _payments = await TestPayments.CreateAsync(server);
        _host = await PaymentsHost.StartAsync(_payments);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _payments.DisposeAsync();
    }

    private static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("data").Clone();
    }

    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("error").GetProperty("code").GetString()!;
    }

    private Task<HttpResponseMessage> InitiateAsync(Guid pledgeId, string? key = null) =>
        _host.PostJsonAsync("/api/payments/initiate", new { pledgeId }, key ?? Guid.NewGuid().ToString(),
            pledgeToken: _host.GuestTokens.IssueForPledge(pledgeId, TimeSpan.FromHours(1)));

    [Fact]
    public async Task a_guest_opens_one_session_for_a_pledge_and_gets_it_again()
    {
        var pledgeId = _host.Pledges.Add(1500m);

        var first = await InitiateAsync(pledgeId);
        var again = await InitiateAsync(pledgeId);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await DataAsync(first);
        created.GetProperty("amount").GetDecimal().ShouldBe(1500m);
        created.GetProperty("currency").GetString().ShouldBe("BDT");
        created.GetProperty("status").GetString().ShouldBe("pending");
        created.GetProperty("gatewayUrl").GetString()!.ShouldStartWith("https://gateway.test/EasyCheckOut/");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var returned = await DataAsync(again);
        returned.GetProperty("gatewayUrl").GetString().ShouldBe(created.GetProperty("gatewayUrl").GetString());
        returned.GetProperty("tranId").GetString().ShouldBe(created.GetProperty("tranId").GetString());
        _payments.Gateway.SessionCalls.ShouldBe(1);
        (await _payments.CountAsync("SELECT count(*) FROM outbox_messages WHERE event_type = 'payment.initiated'")).ShouldBe(1);

        // What the gateway was asked: amounts from the pledge, callbacks under the public base URL.
        var session = _payments.Gateway.SessionRequests.Single();
        session["total_amount"].ShouldBe("1500.00");
        session["tran_id"].ShouldBe(created.GetProperty("tranId").GetString());
        session["ipn_url"].ShouldBe("http://gateway.test/api/payments/webhook/ipn");
        session["success_url"].ShouldBe("http://gateway.test/api/payments/return/success");
        session["value_a"].ShouldBe(created.GetProperty("paymentId").GetString());
        session["product_profile"].ShouldBe("non-physical-goods");
        _host.Pledges.Requests.ShouldAllBe(r => r.Headers.Contains("X-Pledge-Token"));
    }

    [Fact]
    public async Task five_initiations_at_once_make_one_payment_and_open_one_session()
    {
        var pledgeId = _host.Pledges.Add();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => InitiateAsync(pledgeId)));

        responses.ShouldAllBe(r => r.IsSuccessStatusCode);
        var urls = await Task.WhenAll(responses.Select(async r => (await DataAsync(r)).GetProperty("gatewayUrl").GetString()));
        urls.Distinct().Count().ShouldBe(1);
        _payments.Gateway.SessionCalls.ShouldBe(1);
        (await _payments.CountAsync("SELECT count(*) FROM payments.payments")).ShouldBe(1);
        (await _payments.CountAsync("SELECT count(*) FROM outbox_messages WHERE event_type = 'payment.initiated'")).ShouldBe(1);
    }

    [Fact]
    public async Task a_repeated_idempotency_key_replays_the_first_answer()
    {
        var pledgeId = _host.Pledges.Add();
        var key = Guid.NewGuid().ToString();

        var first = await InitiateAsync(pledgeId, key);
        var replay = await InitiateAsync(pledgeId, key);

        replay.StatusCode.ShouldBe(first.StatusCode);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldContain("true");
        (await replay.Content.ReadAsStringAsync()).ShouldContain((await DataAsync(first)).GetProperty("tranId").GetString()!);
    }

    [Fact]
    public async Task initiation_needs_an_idempotency_key()
    {
        var response = await _host.PostJsonAsync("/api/payments/initiate", new { pledgeId = _host.Pledges.Add() });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorCodeAsync(response)).ShouldBe("IDEMPOTENCY_KEY_REQUIRED");
    }

    [Fact]
    public async Task a_refused_session_leaves_the_payment_to_be_reopened_with_the_same_tran_id()
    {
        var pledgeId = _host.Pledges.Add();
        _payments.Gateway.SessionRefusal = "Store Credential Error Or Store is Deactive";

        var refused = await InitiateAsync(pledgeId);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await ErrorCodeAsync(refused)).ShouldBe("PAYMENT_GATEWAY_ERROR");
        (await _payments.CountAsync("SELECT count(*) FROM payments.payments WHERE status = 'pending' AND session_key IS NULL")).ShouldBe(1);

        _payments.Gateway.SessionRefusal = null;
        var retried = await InitiateAsync(pledgeId);

        retried.StatusCode.ShouldBe(HttpStatusCode.Created);
        var tranIds = _payments.Gateway.SessionRequests.Select(r => r["tran_id"]).Distinct().ToList();
        tranIds.Count.ShouldBe(1);
        (await DataAsync(retried)).GetProperty("tranId").GetString().ShouldBe(tranIds[0]);
    }

    [Theory]
    [InlineData("completed", HttpStatusCode.Conflict, "PLEDGE_NOT_PAYABLE")]
    [InlineData("failed", HttpStatusCode.Conflict, "PLEDGE_NOT_PAYABLE")]
    public async Task only_a_pending_pledge_is_paid(string status, HttpStatusCode expected, string code)
    {
        var response = await InitiateAsync(_host.Pledges.Add(status: status));

        response.StatusCode.ShouldBe(expected);
        (await ErrorCodeAsync(response)).ShouldBe(code);
        _payments.Gateway.SessionCalls.ShouldBe(0);
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("completed")]
    [InlineData("expired")]
    public async Task a_pledge_whose_campaign_has_closed_opens_no_session(string campaignStatus)
    {
        var response = await InitiateAsync(_host.Pledges.Add(campaignStatus: campaignStatus));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ErrorCodeAsync(response)).ShouldBe("CAMPAIGN_NOT_ACCEPTING_DONATIONS");
        _payments.Gateway.SessionCalls.ShouldBe(0);
        (await _payments.CountAsync("SELECT count(*) FROM payments.payments")).ShouldBe(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("draft")]
    public async Task a_pledge_is_paid_unless_pledges_knows_its_campaign_has_closed(string? campaignStatus) =>
        (await InitiateAsync(_host.Pledges.Add(campaignStatus: campaignStatus))).StatusCode.ShouldBe(HttpStatusCode.Created);

    [Fact]
    public async Task an_unknown_pledge_is_not_found() =>
        (await InitiateAsync(Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task the_ipn_answers_200_once_processed_and_400_for_a_forged_signature()
    {
        var payment = await _payments.SeedPaymentAsync();
        _payments.Gateway.Paid("VAL1", payment.TranId, payment.Amount);
        var fields = GatewayNotifications.Valid(payment, "VAL1");
        var forged = new Dictionary<string, string>(fields) { ["amount"] = "5.00" };

        var rejected = await _host.PostFormAsync("/api/payments/webhook/ipn", forged);
        var accepted = await _host.PostFormAsync("/api/payments/webhook/ipn", fields);
        var repeated = await _host.PostFormAsync("/api/payments/webhook/ipn", fields);

        rejected.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorCodeAsync(rejected)).ShouldBe("INVALID_SIGNATURE");
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DataAsync(accepted)).GetProperty("paymentStatus").GetString().ShouldBe("completed");
        repeated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DataAsync(repeated)).GetProperty("result").GetString().ShouldBe("duplicate");
        (await _payments.CountAsync("SELECT count(*) FROM payments.webhook_logs WHERE source = 'ipn' AND remote_address IS NOT NULL")).ShouldBe(2);
    }

    [Fact]
    public async Task the_browser_return_is_processed_and_sent_to_the_result_page()
    {
        var payment = await _payments.SeedPaymentAsync();
        _payments.Gateway.Paid("VAL1", payment.TranId, payment.Amount);

        var response = await _host.PostFormAsync("/api/payments/return/success", GatewayNotifications.Valid(payment, "VAL1"));

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().ShouldBe($"http://gateway.test/donate/result?paymentId={payment.Id}&status=completed");
        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("completed");
    }

    [Fact]
    public async Task a_cancelled_browser_return_lands_on_the_result_page_as_failed()
    {
        var payment = await _payments.SeedPaymentAsync();

        var response = await _host.PostFormAsync("/api/payments/return/cancel", GatewayNotifications.Failed(payment, "CANCELLED", "Cancelled by User"));

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().ShouldEndWith("&status=failed");
    }

    [Fact]
    public async Task a_payment_is_read_by_its_donor_its_guest_token_or_an_admin_and_no_one_else()
    {
        var payment = await _payments.SeedPaymentAsync();
        var guestToken = _host.GuestTokens.IssueForPledge(payment.PledgeId, TimeSpan.FromHours(1));
        var otherToken = _host.GuestTokens.IssueForPledge(Guid.NewGuid(), TimeSpan.FromHours(1));

        var byDonor = await _host.GetAsync($"/api/payments/{payment.Id}", bearer: _host.Token(payment.UserId!.Value));
        var byGuest = await _host.GetAsync($"/api/payments/pledge/{payment.PledgeId}", pledgeToken: guestToken);
        var byAdmin = await _host.GetAsync($"/api/payments/{payment.Id}", bearer: _host.Token(Guid.NewGuid(), "ADMIN"));
        var byStranger = await _host.GetAsync($"/api/payments/{payment.Id}", bearer: _host.Token(Guid.NewGuid()));
        var byOtherGuest = await _host.GetAsync($"/api/payments/{payment.Id}", pledgeToken: otherToken);
        var anonymous = await _host.GetAsync($"/api/payments/pledge/{payment.PledgeId}");

        byDonor.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DataAsync(byDonor)).GetProperty("history").ValueKind.ShouldBe(JsonValueKind.Null);
        (await DataAsync(byDonor)).GetProperty("bankTranId").ValueKind.ShouldBe(JsonValueKind.Null);
        byGuest.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DataAsync(byGuest)).GetProperty("id").GetGuid().ShouldBe(payment.Id);
        byAdmin.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DataAsync(byAdmin)).GetProperty("history").ValueKind.ShouldBe(JsonValueKind.Array);
        byStranger.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        byOtherGuest.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await byAdmin.Content.ReadAsStringAsync()).ShouldNotContain(TestPayments.StorePassword);
    }

    [Fact]
    public async Task only_an_admin_refunds_and_the_answer_is_the_refund_in_progress()
    {
        var payment = await _payments.SeedPaymentAsync(status: "completed", bankTranId: "BANK1");

        var byUser = await _host.PostJsonAsync($"/api/payments/{payment.Id}/refund", new { reason = "asked" }, Guid.NewGuid().ToString(),
            bearer: _host.Token(payment.UserId!.Value));
        var noReason = await _host.PostJsonAsync($"/api/payments/{payment.Id}/refund", new { reason = "" }, Guid.NewGuid().ToString(),
            bearer: _host.Token(Guid.NewGuid(), "ADMIN"));
        var byAdmin = await _host.PostJsonAsync($"/api/payments/{payment.Id}/refund", new { reason = "asked" }, Guid.NewGuid().ToString(),
            bearer: _host.Token(Guid.NewGuid(), "ADMIN"));

        byUser.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        byAdmin.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var refund = await DataAsync(byAdmin);
        refund.GetProperty("status").GetString().ShouldBe("processing");
        refund.GetProperty("kind").GetString().ShouldBe("refund");
        refund.GetProperty("refundTransId").GetString()!.ShouldStartWith("RFD");
    }

    [Fact]
    public async Task an_admin_releases_a_risk_held_payment_and_the_completion_names_them()
    {
        var payment = await _payments.SeedPaymentAsync(status: "captured", bankTranId: "BANK1", riskLevel: 1);
        var adminId = Guid.NewGuid();

        var released = await _host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/payments/{payment.Id}/release")
        {
            Headers = { Authorization = new("Bearer", _host.Token(adminId, "ADMIN")) },
        });
        var twice = await _host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/payments/{payment.Id}/release")
        {
            Headers = { Authorization = new("Bearer", _host.Token(adminId, "ADMIN")) },
        });

        released.StatusCode.ShouldBe(HttpStatusCode.OK);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var view = await DataAsync(await _host.GetAsync($"/api/payments/{payment.Id}", bearer: _host.Token(adminId, "ADMIN")));
        var completion = view.GetProperty("history").EnumerateArray()
            .Single(h => h.GetProperty("accepted").GetBoolean() && h.GetProperty("toStatus").GetString() == "completed");
        completion.GetProperty("fromStatus").GetString().ShouldBe("captured");
        completion.GetProperty("source").GetString().ShouldBe("admin");
        completion.GetProperty("actor").GetProperty("actorId").GetGuid().ShouldBe(adminId);
        view.GetProperty("releasedBy").GetGuid().ShouldBe(adminId);
        (await _payments.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE event_type = 'payment.completed' AND (data->'actor'->>'actorId')::uuid = @AdminId",
            new { AdminId = adminId })).ShouldBe(1);
    }

    [Fact]
    public async Task the_initiation_event_says_it_came_from_initiation()
    {
        (await InitiateAsync(_host.Pledges.Add(1500m))).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await _payments.OutboxAsync("payment.initiated")).Single().Text("source").ShouldBe("initiation");
    }

    [Fact]
    public async Task a_rejection_through_the_route_is_announced_with_the_admin_who_asked()
    {
        var payment = await _payments.SeedPaymentAsync(status: "captured", bankTranId: "BANK1", riskLevel: 1);
        var adminId = Guid.NewGuid();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/{payment.Id}/reject")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reason = "stolen card" }),
            Headers =
            {
                Authorization = new("Bearer", _host.Token(adminId, "ADMIN")),
                UserAgent = { new("admin-console", "1.0") },
            },
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Add("X-Forwarded-For", "198.51.100.23, 10.0.0.2");

        var response = await _host.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requested = (await _payments.OutboxAsync("payment.refund_requested")).Single();
        requested.Text("kind").ShouldBe("reject");
        requested.Data.GetProperty("refundId").GetGuid().ShouldBe((await DataAsync(response)).GetProperty("refundId").GetGuid());
        var actor = requested.Data.GetProperty("actor");
        actor.GetProperty("actorId").GetGuid().ShouldBe(adminId);
        actor.GetProperty("role").GetString().ShouldBe("ADMIN");
        actor.GetProperty("clientAddress").GetString().ShouldBe("198.51.100.23");
        actor.GetProperty("userAgent").GetString().ShouldBe("admin-console/1.0");
    }
}
