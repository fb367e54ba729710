using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using CareForAll.AppHost.Secrets;

namespace CareForAll.IntegrationTests.Donations;

/// <summary>
/// Walks donations through the gateway as the SPA and SSLCommerz would: organisers, admins and donors each on their
/// own address (so one test's donors never spend another's rate-limit budget), the sandbox driven by its control API.
/// </summary>
internal sealed partial class DonationDriver(PlatformFixture platform, byte subnet) : IDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // Each check is a request through the gateway: poll gently on two cores.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(150);

    private readonly List<HttpClient> _clients = [];
    private readonly HttpClient _sandbox = platform.App.CreateHttpClient("sslcommerz", "http");
    private static int _nextHost;
    private Api.Session? _admin;

    /// <summary>A gateway client on an address of its own, as a different phone would be.</summary>
    public HttpClient NewClient()
    {
        var host = Interlocked.Increment(ref _nextHost);
        var client = platform.CreateGatewayClient(IPAddress.Parse($"127.{subnet}.{host / 250}.{(host % 250) + 1}"));
        _clients.Add(client);
        return client;
    }

    public async Task<Api.Session> AdminAsync(CancellationToken ct) =>
        _admin ??= await Api.LoginAsync(NewClient(), PlatformSecrets.DevelopmentAdminEmail, PlatformSecrets.DevelopmentAdminPassword, ct);

    public async Task<Api.Session> NewUserAsync(string prefix, CancellationToken ct) =>
        await Api.RegisterAsync(NewClient(), Api.NewEmail(prefix), cancellationToken: ct);

    /// <summary>
    /// A user who opened the link in their welcome mail (read from the SMTP sink) and signed in again, so their token says
    /// the address is proved: what publishing a campaign needs.
    /// </summary>
    public async Task<Api.Session> VerifiedUserAsync(string prefix, CancellationToken ct)
    {
        var client = NewClient();
        var email = Api.NewEmail(prefix);
        await Api.RegisterAsync(client, email, Api.DefaultPassword, ct);
        using var mailbox = new Mail.Mailbox(platform);
        var token = await VerificationTokenAsync(mailbox, email, ct);
        var (status, body, _) = await Api.SendAsync(client, HttpMethod.Post, "/api/auth/verify-email", new { token }, cancellationToken: ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return await Api.LoginAsync(client, email, Api.DefaultPassword, ct);
    }

    /// <summary>The one-time token of the verification link mailed to <paramref name="email"/>.</summary>
    public static async Task<string> VerificationTokenAsync(Mail.Mailbox mailbox, string email, CancellationToken ct)
    {
        string? token = null;
        await Eventually.UntilAsync(async () =>
        {
            foreach (var message in await mailbox.MessagesToAsync(email, ct))
            {
                var match = VerificationLink().Match(await mailbox.PlainTextAsync(message, ct));
                if (match.Success)
                {
                    token = match.Groups["token"].Value;
                    return true;
                }
            }

            return false;
        }, Mail.Mailbox.Deadline, $"{email} received a verification link", TimeSpan.FromMilliseconds(250));
        return token!;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/verify-email#token=(?<token>[A-Za-z0-9_\-]+)")]
    private static partial System.Text.RegularExpressions.Regex VerificationLink();

    /// <summary>An organiser's campaign, approved by the admin, with <paramref name="goal"/> to raise.</summary>
    public async Task<Guid> ActiveCampaignAsync(CancellationToken ct, decimal goal = 100_000m, Api.Session? organizer = null)
    {
        organizer ??= await VerifiedUserAsync("organiser", ct);
        var client = NewClient();
        var (status, body, _) = await Api.SendAsync(client, HttpMethod.Post, "/api/campaigns", new
        {
            title = "Dialysis for Rahim",
            description = "Rahim needs dialysis three times a week for the next six months; every taka goes to the clinic.",
            campaignType = "medical",
            goalAmount = goal,
            currency = "BDT",
            endDate = DateTimeOffset.UtcNow.AddDays(30),
            beneficiaryName = "Rahim Uddin",
            beneficiaryDetails = "Patient at Dhaka Medical College Hospital",
        }, organizer.AccessToken, ct);
        status.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        var campaignId = Guid.Parse(body["data"]!["id"]!.GetValue<string>());

        var admin = await AdminAsync(ct);
        (status, body, _) = await Api.SendAsync(client, HttpMethod.Patch, $"/api/campaigns/{campaignId}/status",
            new { status = "active", reason = "Documents checked" }, admin.AccessToken, ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return campaignId;
    }

    /// <summary>A guest's pledge (no account: an email, a token that opens it).</summary>
    public async Task<Pledge> GuestPledgeAsync(
        Guid campaignId, decimal amount, CancellationToken ct, string? idempotencyKey = null, string? email = null, bool isAnonymous = false)
    {
        var client = NewClient();
        var donorEmail = email ?? Api.NewEmail("guest");
        var (status, body) = await PostAsync(client, "/api/pledges", new
        {
            campaignId,
            amount,
            currency = "BDT",
            donorEmail,
            donorName = "Karim",
            isAnonymous,
            message = "Get well soon",
        }, idempotencyKey ?? Guid.NewGuid().ToString(), accessToken: null, pledgeToken: null, ct);
        status.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        var data = body["data"]!;
        return new Pledge(client, Guid.Parse(data["id"]!.GetValue<string>()), amount, data["guestToken"]!.GetValue<string>(), null)
        {
            DonorEmail = donorEmail,
        };
    }

    /// <summary>A signed-in donor's pledge.</summary>
    public async Task<Pledge> UserPledgeAsync(Api.Session donor, Guid campaignId, decimal amount, CancellationToken ct, bool isAnonymous = false)
    {
        var client = NewClient();
        var (status, body) = await PostAsync(client, "/api/pledges", new { campaignId, amount, currency = "BDT", isAnonymous },
            Guid.NewGuid().ToString(), donor.AccessToken, pledgeToken: null, ct);
        status.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return new Pledge(client, Guid.Parse(body["data"]!["id"]!.GetValue<string>()), amount, null, donor.AccessToken)
        {
            DonorEmail = donor.Email,
        };
    }

    /// <summary>Pays <paramref name="pledge"/> on the sandbox and waits until the payment has completed.</summary>
    public async Task<Payment> CompleteAsync(Pledge pledge, CancellationToken ct)
    {
        var payment = await InitiateAsync(pledge, ct);
        await PayAsync(new { tranId = payment.TranId }, ct);
        await WaitForPaymentStatusAsync(payment.Id, "completed", ct);
        return payment;
    }

    /// <summary>Opens the SSLCommerz session for the pledge, as the donate page does.</summary>
    public static async Task<Payment> InitiateAsync(Pledge pledge, CancellationToken ct)
    {
        var (status, body) = await PostAsync(pledge.Client, "/api/payments/initiate", new { pledgeId = pledge.Id },
            Guid.NewGuid().ToString(), pledge.AccessToken, pledge.GuestToken, ct);
        status.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        var data = body["data"]!;
        return new Payment(
            Guid.Parse(data["paymentId"]!.GetValue<string>()),
            data["tranId"]!.GetValue<string>(),
            data["gatewayUrl"]!.GetValue<string>());
    }

    /// <summary>The donor's choice on the checkout page, scripted: what SSLCommerz then sends, in which order.</summary>
    public async Task<JsonNode> PayAsync(object script, CancellationToken ct)
    {
        using var response = await _sandbox.PostAsJsonAsync("/_sandbox/pay", script, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>One hand-made notification from the sandbox (signed, or tampered with).</summary>
    public async Task<JsonNode> NotifyAsync(object notification, CancellationToken ct)
    {
        using var response = await _sandbox.PostAsJsonAsync("/_sandbox/notifications", notification, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Every IPN and browser post the sandbox made for <paramref name="tranId"/>, with our answers.</summary>
    public async Task<JsonArray> DeliveriesAsync(string tranId, CancellationToken ct) =>
        (await _sandbox.GetFromJsonAsync<JsonArray>($"/_sandbox/deliveries?tranId={Uri.EscapeDataString(tranId)}", ct))!;

    /// <summary>Waits until <paramref name="count"/> deliveries for <paramref name="tranId"/> got an answer.</summary>
    public async Task WaitForDeliveriesAsync(string tranId, int count, CancellationToken ct) =>
        await Eventually.UntilAsync(
            async () => (await DeliveriesAsync(tranId, ct)).Count(d => d!["responseStatus"] is not null) >= count,
            Deadline, $"the sandbox made {count} deliveries for {tranId}", Poll);

    /// <summary>Opens a session straight on the sandbox, outside CareForAll (what someone replaying our tran_id would do).</summary>
    public async Task<string> ForeignSessionAsync(string tranId, decimal amount, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["store_id"] = PlatformSecrets.DevelopmentStoreId,
            ["store_passwd"] = PlatformSecrets.DevelopmentStoreId + "@ssl",
            ["total_amount"] = amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            ["currency"] = "BDT",
            ["tran_id"] = tranId,
            ["success_url"] = $"{platform.Gateway.BaseAddress}api/payments/return/success",
            ["fail_url"] = $"{platform.Gateway.BaseAddress}api/payments/return/fail",
            ["cancel_url"] = $"{platform.Gateway.BaseAddress}api/payments/return/cancel",
            ["ipn_url"] = $"{platform.Gateway.BaseAddress}api/payments/webhook/ipn",
            ["cus_name"] = "Someone", ["cus_email"] = "someone@example.org", ["cus_add1"] = "Dhaka", ["cus_city"] = "Dhaka",
            ["cus_postcode"] = "1000", ["cus_country"] = "Bangladesh", ["cus_phone"] = "01700000000",
            ["shipping_method"] = "NO", ["num_of_item"] = "1", ["product_name"] = "Donation",
            ["product_category"] = "donation", ["product_profile"] = "non-physical-goods",
        });
        using var response = await _sandbox.PostAsync("/gwprocess/v4/api.php", form, ct);
        var session = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        session["status"]!.GetValue<string>().ShouldBe("SUCCESS", session.ToJsonString());
        return session["sessionkey"]!.GetValue<string>();
    }

    public async Task<JsonNode> GetPaymentAsAdminAsync(Guid paymentId, CancellationToken ct)
    {
        var admin = await AdminAsync(ct);
        var (status, body, _) = await Api.SendAsync(NewClientOnce(), HttpMethod.Get, $"/api/payments/{paymentId}", accessToken: admin.AccessToken, cancellationToken: ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body["data"]!;
    }

    public static async Task<JsonNode> GetPledgeAsync(Pledge pledge, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/pledges/{pledge.Id}");
        Authorize(request, pledge.AccessToken, pledge.GuestToken);
        using var response = await pledge.Client.SendAsync(request, ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body["data"]!;
    }

    /// <summary>The campaign as the public sees it: anonymous, through the gateway's cache.</summary>
    public async Task<decimal> RaisedAsync(Guid campaignId, CancellationToken ct)
    {
        var (status, body, _) = await Api.SendAsync(NewClientOnce(), HttpMethod.Get, $"/api/campaigns/{campaignId}", cancellationToken: ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body["data"]!["currentAmount"]!.GetValue<decimal>();
    }

    public Task WaitForPaymentStatusAsync(Guid paymentId, string expected, CancellationToken ct) =>
        Eventually.UntilAsync(async () => (await GetPaymentAsAdminAsync(paymentId, ct))["status"]!.GetValue<string>() == expected,
            Deadline, $"payment {paymentId} became {expected}", Poll);

    public static Task WaitForPledgeStatusAsync(Pledge pledge, string expected, CancellationToken ct) =>
        Eventually.UntilAsync(async () => (await GetPledgeAsync(pledge, ct))["status"]!.GetValue<string>() == expected,
            Deadline, $"pledge {pledge.Id} became {expected}", Poll);

    public Task WaitForRaisedAsync(Guid campaignId, decimal expected, CancellationToken ct) =>
        Eventually.UntilAsync(async () => await RaisedAsync(campaignId, ct) == expected,
            Deadline, $"campaign {campaignId} showed {expected} raised", Poll);

    /// <summary>The payment's moves (accepted or refused) from its state history, as an admin reads it.</summary>
    public async Task<List<JsonNode>> HistoryAsync(Guid paymentId, CancellationToken ct) =>
        (await GetPaymentAsAdminAsync(paymentId, ct))["history"]!.AsArray().Select(h => h!).ToList();

    public static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(
        HttpClient client, string path, object body, string? idempotencyKey, string? accessToken, string? pledgeToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        Authorize(request, accessToken, pledgeToken);
        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!);
    }

    public static void Authorize(HttpRequestMessage request, string? accessToken, string? pledgeToken)
    {
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (pledgeToken is not null)
        {
            request.Headers.Add("X-Pledge-Token", pledgeToken);
        }
    }

    private HttpClient NewClientOnce() => _clients.Count > 0 ? _clients[0] : NewClient();

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _sandbox.Dispose();
    }
}

/// <summary>A pledge and the credentials that open it (a guest's token, or the donor's access token).</summary>
internal sealed record Pledge(HttpClient Client, Guid Id, decimal Amount, string? GuestToken, string? AccessToken)
{
    /// <summary>The address the donor's mail goes to.</summary>
    public string DonorEmail { get; init; } = "";
}

/// <summary>A payment as initiation answered it.</summary>
internal sealed record Payment(Guid Id, string TranId, string GatewayUrl);
