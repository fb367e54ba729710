using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace CareForAll.Bench;

/// <summary>
/// Whole donations as many concurrent guests make them: pledge, open the SSLCommerz session, and the sandbox pays and
/// sends its IPN (its control API stands in for the donor's clicks). Every amount the sandbox charged is kept in a
/// ledger, and a run ends only when the read model and the campaigns service show exactly that ledger.
/// </summary>
internal sealed class Donations(Api api, Options options)
{
    private static readonly TimeSpan CatchUpStall = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<Guid, decimal> _ledger = new();
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private long _sequence;

    /// <summary>Donations until <paramref name="count"/> are made or <paramref name="duration"/> is over.</summary>
    public async Task<DonationResult> RunAsync(
        string name, IReadOnlyList<Guid> campaigns, int workers, int? count, TimeSpan? duration, Guid? probeCampaign = null)
    {
        var steps = new Steps();
        var errors = new ConcurrentQueue<string>();
        var donations = 0;
        var issued = 0;
        using var stop = new CancellationTokenSource();
        if (duration is { } limit)
        {
            stop.CancelAfter(limit);
        }

        var clock = Stopwatch.StartNew();
        var probe = probeCampaign is { } probeId ? Task.Run(() => ProbeAsync(probeId, stop.Token)) : Task.FromResult(new List<double>());
        var load = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref issued);
                if (count is { } max && index > max)
                {
                    break;
                }

                var campaign = campaigns[index % campaigns.Count];
                try
                {
                    await DonateAsync(campaign, 100m + (index % 400), steps);
                    Interlocked.Increment(ref donations);
                }
                catch (Exception exception) when (exception is ApiException or HttpRequestException or TaskCanceledException)
                {
                    errors.Enqueue(exception.Message);
                }
            }
        })).ToArray();
        await Task.WhenAll(load);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        var lags = await probe;

        var check = await CatchUpAsync(campaigns.Concat(probeCampaign is { } p ? [p] : []).ToArray());
        var caughtUpSeconds = clock.Elapsed.TotalSeconds;
        return new DonationResult
        {
            Name = name,
            Campaigns = campaigns.Count,
            Workers = workers,
            Donations = donations,
            Errors = errors.Count,
            FirstErrors = [.. errors.Take(5)],
            LoadSeconds = Math.Round(loadSeconds, 2),
            CaughtUpSeconds = Math.Round(caughtUpSeconds, 2),
            AcceptedPerSecond = Math.Round(donations / loadSeconds, 1),
            CompletedPerSecond = Math.Round(donations / caughtUpSeconds, 1),
            Pledge = Percentiles.Of(steps.Pledge),
            Initiate = Percentiles.Of(steps.Initiate),
            Pay = Percentiles.Of(steps.Pay),
            IpnToTotal = lags.Count > 0 ? Percentiles.Of(lags) : null,
            TotalsExact = check.Exact,
            Mismatches = check.Mismatches,
        };
    }

    /// <summary>What the sandbox charged for the campaign so far, by the ledger.</summary>
    public decimal Expected(Guid campaign) => _ledger.GetValueOrDefault(campaign);

    private async Task<string> DonateAsync(Guid campaign, decimal amount, Steps steps)
    {
        var donor = $"{_run}-{Interlocked.Increment(ref _sequence)}";
        var started = Stopwatch.GetTimestamp();
        var pledge = (await RetryingAsync(key => api.SendAsync(HttpMethod.Post, api.Gateway("/api/pledges"),
            new { campaignId = campaign, amount, currency = "BDT", donorEmail = $"guest-{donor}@example.org", isAnonymous = false },
            headers: [new("Idempotency-Key", key)])))["data"]!;
        Steps.Add(steps.Pledge, started);

        started = Stopwatch.GetTimestamp();
        var payment = (await RetryingAsync(key => api.SendAsync(HttpMethod.Post, api.Gateway("/api/payments/initiate"),
            new { pledgeId = (Guid)pledge["id"]! },
            headers: [new("Idempotency-Key", key), new("X-Pledge-Token", (string)pledge["guestToken"]!)])))["data"]!;
        Steps.Add(steps.Initiate, started);

        // Not retried: a pay that timed out may have charged, and the ledger must never guess.
        started = Stopwatch.GetTimestamp();
        var paid = await api.SendAsync(HttpMethod.Post, new Uri(options.Sandbox, "/_sandbox/pay"), new { tranId = (string)payment["tranId"]! });
        Steps.Add(steps.Pay, started);
        if ((string?)paid["status"] != "VALID")
        {
            throw new InvalidOperationException($"The sandbox answered {paid["status"]} for {payment["tranId"]}");
        }

        _ledger.AddOrUpdate(campaign, amount, (_, sum) => sum + amount);
        return (string)payment["tranId"]!;
    }

    /// <summary>One donation at a time to a quiet campaign while the load runs: from the IPN's answer to the total.</summary>
    private async Task<List<double>> ProbeAsync(Guid campaign, CancellationToken stop)
    {
        var lags = new List<double>();
        var steps = new Steps();
        while (!stop.IsCancellationRequested)
        {
            var expected = Expected(campaign) + 250m;
            var tranId = await DonateAsync(campaign, 250m, steps);
            var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
            while (await api.RaisedAsync(campaign, CancellationToken.None) != expected)
            {
                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"The probe's donation never reached the totals of {campaign}");
                }

                await Task.Delay(2, CancellationToken.None);
            }

            var visibleAt = DateTimeOffset.UtcNow;
            // The sandbox writes its journal line just after the answer arrives, which can be after the total moved.
            DateTimeOffset? answered = null;
            for (var look = 0; answered is null && look < 100; look++)
            {
                var deliveries = await api.SendAsync(HttpMethod.Get, new Uri(options.Sandbox, $"/_sandbox/deliveries?tranId={tranId}"), ct: CancellationToken.None);
                answered = deliveries.AsArray()
                    .Where(delivery => (string?)delivery!["kind"] == "ipn" && (int?)delivery["responseStatus"] is >= 200 and < 300)
                    .Select(delivery => (DateTimeOffset?)(DateTimeOffset)delivery!["finishedAt"]!)
                    .Min();
                if (answered is null)
                {
                    await Task.Delay(10, CancellationToken.None);
                }
            }

            if (answered is null)
            {
                continue;
            }
            lags.Add(Math.Max(0, (visibleAt - answered.Value).TotalMilliseconds));
        }

        return lags;
    }

    /// <summary>
    /// Waits until every campaign shows exactly the ledger, on the totals route and in the campaigns service, for as
    /// long as the totals keep moving: a backlog still draining is slow, not lost. A minute without any progress ends
    /// the wait (so does half an hour in all), and what is missing then is reported.
    /// </summary>
    private async Task<(bool Exact, List<string> Mismatches)> CatchUpAsync(IReadOnlyList<Guid> campaigns)
    {
        var limit = DateTimeOffset.UtcNow + CatchUpLimit;
        var lastProgress = DateTimeOffset.UtcNow;
        var seen = new Dictionary<Guid, (decimal?, decimal)>();
        var pending = campaigns.ToHashSet();
        while (pending.Count > 0 && DateTimeOffset.UtcNow - lastProgress < CatchUpStall && DateTimeOffset.UtcNow < limit)
        {
            foreach (var campaign in pending.ToArray())
            {
                var shown = (await api.RaisedAsync(campaign), await api.CurrentAmountAsync(campaign));
                if (!seen.TryGetValue(campaign, out var before) || before != shown)
                {
                    seen[campaign] = shown;
                    lastProgress = DateTimeOffset.UtcNow;
                }

                if (shown.Item1 == Expected(campaign) && shown.Item2 == Expected(campaign))
                {
                    pending.Remove(campaign);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(50);
            }
        }

        var mismatches = new List<string>();
        foreach (var campaign in pending)
        {
            mismatches.Add($"{campaign}: charged {Expected(campaign)}, totals route {await api.RaisedAsync(campaign)}, " +
                $"campaigns service {await api.CurrentAmountAsync(campaign)}");
        }

        return (mismatches.Count == 0, mismatches);
    }

    /// <summary>Retries a write on a dropped connection or a 5xx with the same Idempotency-Key, as the web app does.</summary>
    private static async Task<JsonNode> RetryingAsync(Func<string, Task<JsonNode>> send)
    {
        var key = Guid.NewGuid().ToString();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await send(key);
            }
            catch (Exception exception) when (attempt < 3 && exception is HttpRequestException
                or ApiException { Status: >= HttpStatusCode.InternalServerError })
            {
                await Task.Delay(100 * attempt);
            }
        }
    }

    private sealed class Steps
    {
        public List<double> Pledge { get; } = [];
        public List<double> Initiate { get; } = [];
        public List<double> Pay { get; } = [];

        public static void Add(List<double> step, long started)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (step)
            {
                step.Add(elapsed);
            }
        }
    }
}
