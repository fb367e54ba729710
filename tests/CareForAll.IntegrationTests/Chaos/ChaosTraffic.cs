using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using CareForAll.IntegrationTests.Donations;

namespace CareForAll.IntegrationTests.Chaos;

/// <summary>One whole donation of the run, as the donor and the sandbox saw it.</summary>
internal sealed class ChaosDonation(int index, Guid campaignId, decimal amount, ChaosDonor? donor, string email, SandboxScript script)
{
    public int Index { get; } = index;
    public Guid CampaignId { get; } = campaignId;
    public decimal Amount { get; } = amount;

    /// <summary>Null for a guest.</summary>
    public ChaosDonor? Donor { get; } = donor;

    public string Email { get; } = email;
    public SandboxScript Script { get; } = script;
    public Guid PledgeId { get; set; }
    public Guid PaymentId { get; set; }
    public string? TranId { get; set; }

    /// <summary>What the sandbox says the donor's attempt ended as (VALID means money was taken).</summary>
    public string? SandboxStatus { get; set; }

    public DateTimeOffset PaidAtUtc { get; set; }
    public string? Error { get; set; }
}

/// <summary>What the sandbox is told to do with one payment: the outcome and how its notifications travel.</summary>
internal sealed record SandboxScript(string Outcome, int IpnDelayMs, bool DropIpn, int Copies, bool EarlierFailure, string BrowserReturn)
{
    /// <summary>Only reconciliation can learn of such a payment: no IPN and no browser return.</summary>
    public bool OnlyReconciliationFinds => DropIpn && BrowserReturn == "none";

    public static SandboxScript Draw(Random random)
    {
        var roll = random.NextDouble();
        var outcome = roll < 0.85 ? "VALID" : roll < 0.95 ? "FAILED" : "CANCELLED";
        return new SandboxScript(
            outcome,
            IpnDelayMs: random.NextDouble() < 0.5 ? 0 : random.Next(100, 3000),
            DropIpn: random.NextDouble() < 0.1,
            Copies: random.NextDouble() switch { < 0.6 => 1, < 0.85 => 2, _ => 3 },
            EarlierFailure: outcome == "VALID" && random.NextDouble() < 0.15,
            BrowserReturn: random.Next(5) switch { 0 or 1 => "none", 2 => "before-ipn", 3 => "after-ipn", _ => "concurrent" });
    }

    public object ToRequest(string tranId) => new
    {
        tranId,
        outcome = Outcome,
        ipn = new { delayMs = IpnDelayMs, drop = DropIpn, copies = Copies, earlierFailure = EarlierFailure },
        browserReturn = BrowserReturn,
    };
}

/// <summary>A registered donor with a phone of their own (one client address), signing in again when the token expires.</summary>
internal sealed class ChaosDonor(HttpClient client, string email) : IDisposable
{
    private readonly SemaphoreSlim _signIn = new(1, 1);

    public HttpClient Client { get; } = client;
    public string Email { get; } = email;
    public string AccessToken { get; private set; } = "";

    public async Task SignInAsync(string? expiredToken, CancellationToken ct)
    {
        await _signIn.WaitAsync(ct);
        try
        {
            if (expiredToken is null || expiredToken == AccessToken)
            {
                AccessToken = (await Api.LoginAsync(Client, Email, Api.DefaultPassword, ct)).AccessToken;
            }
        }
        finally
        {
            _signIn.Release();
        }
    }

    public void Dispose() => _signIn.Dispose();
}

/// <summary>
/// Many donors, guests and registered, giving to many campaigns at a steady pace, each retrying what failed with the
/// same Idempotency-Key as the web app does, while faults come and go.
/// </summary>
internal sealed class ChaosTraffic(ChaosPlatform platform, ChaosJournal journal, ChaosSettings settings) : IDisposable
{
    /// <summary>How long one donor keeps retrying one step before the donation counts as failed.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(4);

    private readonly HttpClient _sandbox = platform.App.CreateHttpClient("sslcommerz", "http");
    private readonly ConcurrentBag<HttpClient> _clients = [];
    private readonly List<ChaosDonor> _donors = [];
    private int _started;

    public int Started => Volatile.Read(ref _started);

    public HttpClient NewClient(byte subnet, int host)
    {
        var client = platform.CreateGatewayClient(IPAddress.Parse($"127.{subnet}.{(host / 250) % 250}.{(host % 250) + 1}"));
        _clients.Add(client);
        return client;
    }

    public async Task<IReadOnlyList<ChaosDonor>> RegisterDonorsAsync(int count, CancellationToken ct)
    {
        var donors = new List<ChaosDonor>();
        for (var i = 0; i < count; i++)
        {
            var client = NewClient(62, i);
            var session = await Api.RegisterAsync(client, Api.NewEmail($"chaos-donor{i}"), cancellationToken: ct);
            var donor = new ChaosDonor(client, session.Email);
            await donor.SignInAsync(null, ct);
            donors.Add(donor);
            _donors.Add(donor);
        }

        return donors;
    }

    /// <summary>Plans every donation up front from the seed, so a failing run can be replayed.</summary>
    public static IReadOnlyList<ChaosDonation> Plan(ChaosSettings settings, IReadOnlyList<Guid> campaigns, IReadOnlyList<ChaosDonor> donors)
    {
        var random = new Random(settings.Seed);
        return [.. Enumerable.Range(0, settings.Donations).Select(i =>
        {
            var donor = random.NextDouble() < 0.3 ? donors[random.Next(donors.Count)] : null;
            // Amounts with paisa, so a total that lost or rounded anything shows.
            var amount = random.Next(10, 5000) + (random.Next(4) == 0 ? random.Next(1, 100) / 100m : 0m);
            return new ChaosDonation(i, campaigns[random.Next(campaigns.Count)], amount, donor,
                donor?.Email ?? $"chaos-guest{i}-{Guid.NewGuid():N}@example.org", SandboxScript.Draw(random));
        })];
    }

    public async Task RunAsync(IReadOnlyList<ChaosDonation> donations, CancellationToken ct)
    {
        // Paced, so the load spans the fault schedule: one donation may start per tick, the others queue in order.
        using var pace = new System.Threading.RateLimiting.TokenBucketRateLimiter(new System.Threading.RateLimiting.TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / settings.DonationsPerSecond),
            QueueLimit = donations.Count,
            QueueProcessingOrder = System.Threading.RateLimiting.QueueProcessingOrder.OldestFirst,
        });
        await Parallel.ForEachAsync(donations, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = ct },
            async (donation, token) =>
            {
                using var turn = await pace.AcquireAsync(1, token);

                Interlocked.Increment(ref _started);
                try
                {
                    await DonateAsync(donation, token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    donation.Error = e.Message;
                }
            });
    }

    private async Task DonateAsync(ChaosDonation donation, CancellationToken ct)
    {
        var client = donation.Donor?.Client ?? NewClient(61, donation.Index);
        object pledgeBody = donation.Donor is null
            ? new { campaignId = donation.CampaignId, amount = donation.Amount, currency = "BDT", donorEmail = donation.Email, donorName = "Karim", message = "Get well soon" }
            : new { campaignId = donation.CampaignId, amount = donation.Amount, currency = "BDT" };
        var pledge = await SendAsync(client, donation.Donor, "POST /api/pledges", HttpMethod.Post, "/api/pledges", pledgeBody,
            Guid.NewGuid().ToString(), pledgeToken: null, HttpStatusCode.Created, ct);
        donation.PledgeId = Guid.Parse(pledge["data"]!["id"]!.GetValue<string>());
        var guestToken = pledge["data"]!["guestToken"]?.GetValue<string>();

        var payment = await SendAsync(client, donation.Donor, "POST /api/payments/initiate", HttpMethod.Post, "/api/payments/initiate",
            new { pledgeId = donation.PledgeId }, Guid.NewGuid().ToString(), guestToken, HttpStatusCode.Created, ct);
        donation.PaymentId = Guid.Parse(payment["data"]!["paymentId"]!.GetValue<string>());
        donation.TranId = payment["data"]!["tranId"]!.GetValue<string>();

        // The donor pays once: the sandbox is the bank, and a retried payment would be a second charge.
        using var response = await _sandbox.PostAsJsonAsync("/_sandbox/pay", donation.Script.ToRequest(donation.TranId), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        donation.PaidAtUtc = DateTimeOffset.UtcNow;
        donation.SandboxStatus = JsonNode.Parse(text)!["status"]!.GetValue<string>();
    }

    /// <summary>
    /// Sends until the expected answer comes, as the web app does: a 5xx, a 409 (the first attempt still running), a
    /// 429 or no answer at all is retried with the same Idempotency-Key; any other answer is a failure of the donation.
    /// </summary>
    private async Task<JsonNode> SendAsync(
        HttpClient client, ChaosDonor? donor, string route, HttpMethod method, string path, object body, string idempotencyKey,
        string? pledgeToken, HttpStatusCode expected, CancellationToken ct)
    {
        var giveUp = journal.Now + GiveUpAfter;
        var pause = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            var token = donor?.AccessToken;
            var sent = journal.Now;
            int status;
            var text = "";
            try
            {
                using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", idempotencyKey);
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                if (pledgeToken is not null)
                {
                    request.Headers.Add("X-Pledge-Token", pledgeToken);
                }

                using var response = await client.SendAsync(request, ct);
                status = (int)response.StatusCode;
                text = await response.Content.ReadAsStringAsync(ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                status = 0;
                text = e.Message;
            }

            journal.Record(sent, route, status, status is 0 or >= 500 ? Shorten(text) : null);
            if (status == (int)expected)
            {
                return JsonNode.Parse(text)!;
            }

            if (status == 401 && donor is not null)
            {
                await donor.SignInAsync(token, ct);
                continue;
            }

            if (status is not (0 or 409 or 429 or >= 500) || journal.Now > giveUp)
            {
                throw new InvalidOperationException($"{route} answered {status}: {text}");
            }

            // The web app's back-off between retries: a pause it chooses, not a wait for a condition.
            await Task.Delay(pause, ct);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 3000));
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300];

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var donor in _donors)
        {
            donor.Dispose();
        }

        _sandbox.Dispose();
    }
}
