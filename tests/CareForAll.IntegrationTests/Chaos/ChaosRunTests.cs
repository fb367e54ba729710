using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using CareForAll.IntegrationTests.Donations;
using Xunit.Abstractions;

namespace CareForAll.IntegrationTests.Chaos;

/// <summary>
/// The whole platform under many faults at once: whole donations from many donors while the sandbox duplicates, delays,
/// reorders and drops notifications and services, the broker and the stores go down and come back. Afterwards every
/// figure must agree with what the sandbox charged. Its own platform; <c>eng/test.sh</c> runs the short form and
/// <c>eng/chaos.sh</c> the full one.
/// </summary>
[Collection(ChaosPlatformGroup.Name)]
[Trait("Category", "Chaos")]
public sealed class ChaosRunTests(ChaosPlatform platform, ITestOutputHelper output)
{
    /// <summary>How long the platform may take to agree with the sandbox once the load and the faults are over.</summary>
    private static readonly TimeSpan CatchUpDeadline = TimeSpan.FromMinutes(5);

    private static readonly HashSet<(string?, string)> PaymentMoves =
    [
        (null, "pending"), ("pending", "authorized"), ("pending", "captured"), ("authorized", "captured"), ("captured", "completed"),
        ("pending", "failed"), ("authorized", "failed"), ("failed", "captured"), ("completed", "refunded"), ("captured", "refunded"),
    ];

    private static readonly Dictionary<string, int> PledgeRank = new()
    {
        ["pending"] = 0, ["payment_initiated"] = 1, ["completed"] = 2, ["failed"] = 2, ["refunded"] = 3,
    };

    [Fact]
    public async Task donations_under_faults_are_each_counted_once_everywhere_and_nothing_moves_backwards()
    {
        var settings = ChaosSettings.FromEnvironment();
        using var run = new CancellationTokenSource(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(settings.Donations / settings.DonationsPerSecond * 3));
        var ct = run.Token;
        var journal = new ChaosJournal();
        void Log(string line)
        {
            output.WriteLine(line);
            Console.WriteLine(line);
        }

        Log($"chaos run: {settings.Donations} donations, {settings.Concurrency} at a time, {settings.DonationsPerSecond}/s, seed {settings.Seed}");
        using var driver = new DonationDriver(platform, subnet: 60);
        var organizer = await driver.VerifiedUserAsync("chaos-organiser", ct);
        var campaigns = new List<Guid>();
        for (var i = 0; i < (settings.Donations >= 1000 ? 20 : 8); i++)
        {
            campaigns.Add(await driver.ActiveCampaignAsync(ct, goal: 50_000_000m, organizer: organizer));
        }

        var readModels = new ReadSide.ReadModels(platform, driver);
        foreach (var campaignId in campaigns)
        {
            await readModels.WaitForCampaignAsync(campaignId, ct);
        }

        using var traffic = new ChaosTraffic(platform, journal, settings);
        var donors = await traffic.RegisterDonorsAsync(settings.Donations >= 1000 ? 25 : 8, ct);
        var donations = ChaosTraffic.Plan(settings, campaigns, donors);
        var admin = await driver.AdminAsync(ct);
        var deadLettersBefore = await DeadLettersAsync(driver, admin, ct);

        var injector = new FaultInjector(platform, journal, settings.Outage, Log);
        using var monitorStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var monitor = new TotalsMonitor(traffic.NewClient(63, 0), journal, campaigns);
        var monitoring = monitor.RunAsync(monitorStop.Token);

        var load = traffic.RunAsync(donations, ct);
        var schedule = injector.Schedule;
        for (var k = 0; k < schedule.Count; k++)
        {
            // Spread over the load: fault k waits until its share of the donations has started.
            var due = (k + 1) * settings.Donations / (schedule.Count + 1);
            await Eventually.UntilAsync(() => Task.FromResult(traffic.Started >= due || load.IsCompleted), TimeSpan.FromMinutes(15),
                $"{due} donations started", TimeSpan.FromMilliseconds(200));
            await injector.InjectAsync(schedule[k].Name, schedule[k].Inject, ct);
        }

        await load;
        var loadEnded = journal.Now;
        Log($"{loadEnded.TotalSeconds,7:0.0}s load and faults over; waiting for the platform to agree with the sandbox");

        var paid = donations.Where(d => d.SandboxStatus is not null).ToList();
        var paymentIds = paid.Select(d => d.PaymentId).ToArray();
        var pledgeIds = paid.Select(d => d.PledgeId).ToArray();
        var expectedByCampaign = campaigns.ToDictionary(c => c, c => paid.Where(d => d.CampaignId == c && d.SandboxStatus == "VALID").Sum(d => d.Amount));
        var expectedTotal = expectedByCampaign.Values.Sum();
        var completedCount = paid.Count(d => d.SandboxStatus == "VALID");
        var receiptKeys = paid.Where(d => d.SandboxStatus == "VALID").Select(d => $"receipt:{d.PledgeId:N}").ToArray();

        // A run that never catches up says what was still behind, and every ten seconds while it waits.
        var caughtUp = new List<string>();
        var nextProgress = journal.Now;
        await Eventually.UntilAsync(async () =>
        {
            caughtUp.Clear();
            var settledPayments = await platform.CountAsync("paymentsdb",
                "SELECT count(*) FROM payments.payments WHERE id = ANY(@paymentIds) AND status IN ('completed', 'failed')", new { paymentIds }, ct);
            var settledPledges = await platform.CountAsync("pledgesdb",
                "SELECT count(*) FROM pledges.pledges WHERE id = ANY(@pledgeIds) AND status IN ('completed', 'failed')", new { pledgeIds }, ct);
            var current = await platform.ScalarAsync<decimal>("campaignsdb",
                "SELECT coalesce(sum(current_amount), 0) FROM campaigns.campaigns WHERE id = ANY(@campaigns)", new { campaigns = campaigns.ToArray() }, ct);
            var raised = await platform.ScalarAsync<decimal>("querydb",
                "SELECT coalesce(sum(raised_amount), 0) FROM query.campaign_totals WHERE campaign_id = ANY(@campaigns)", new { campaigns = campaigns.ToArray() }, ct);
            var receipts = await platform.CountAsync("notificationsdb",
                "SELECT count(*) FROM notifications.notifications WHERE dedupe_key = ANY(@receiptKeys) AND status = 'sent'", new { receiptKeys }, ct);
            if (settledPayments < paid.Count) caughtUp.Add($"payments settled {settledPayments}/{paid.Count}");
            if (settledPledges < paid.Count) caughtUp.Add($"pledges settled {settledPledges}/{paid.Count}");
            if (current != expectedTotal) caughtUp.Add($"campaigns' current_amount {current}/{expectedTotal}");
            if (raised != expectedTotal) caughtUp.Add($"query totals {raised}/{expectedTotal}");
            if (receipts < completedCount) caughtUp.Add($"receipts sent {receipts}/{completedCount}");
            if (caughtUp.Count > 0 && journal.Now >= nextProgress)
            {
                Log($"{journal.Now.TotalSeconds,7:0.0}s behind: {string.Join("; ", caughtUp)}");
                nextProgress = journal.Now + TimeSpan.FromSeconds(10);
            }

            return caughtUp.Count == 0;
        }, CatchUpDeadline, () => $"the platform agreed with the sandbox; still behind: {string.Join("; ", caughtUp)}", TimeSpan.FromSeconds(1));

        var catchUp = journal.Now - loadEnded;
        Log($"{journal.Now.TotalSeconds,7:0.0}s caught up after {catchUp.TotalSeconds:0.0}s");

        // One more look at every total after everything settled, then the monitor stops.
        var passes = monitor.Passes;
        await Eventually.UntilAsync(() => Task.FromResult(monitor.Passes > passes), TimeSpan.FromMinutes(1),
            "the totals monitor read every campaign once more", TimeSpan.FromMilliseconds(200));
        await monitorStop.CancelAsync();
        await monitoring;

        var report = new ChaosReport(settings, journal, donations, catchUp);
        await CheckAsync(report, driver, admin, campaigns, expectedByCampaign, paid, deadLettersBefore, monitor, ct);
        await report.AddFiguresAsync(platform, paid, ct);

        var written = report.Write();
        Log(report.Markdown());
        if (written is not null)
        {
            Log($"written to {written}");
        }

        report.Failed.ShouldBeEmpty(string.Join(Environment.NewLine, report.Failed));
    }

    private async Task CheckAsync(
        ChaosReport report, DonationDriver driver, Api.Session admin, List<Guid> campaigns, Dictionary<Guid, decimal> expectedByCampaign,
        List<ChaosDonation> paid, IReadOnlyDictionary<string, long> deadLettersBefore, TotalsMonitor monitor, CancellationToken ct)
    {
        var abandoned = report.Donations.Where(d => d.Error is not null).ToList();
        report.Invariant("every donation a donor started got through", report.Donations.Count, report.Donations.Count - abandoned.Count,
            abandoned.Select(d => $"#{d.Index}: {d.Error}"));

        // Each charge in the sandbox, one completed payment and one completed pledge; nothing completed that was not charged.
        var tranIds = paid.Select(d => d.TranId!).ToArray();
        var payments = (await platform.QueryAsync<(string TranId, string Status, decimal Amount)>("paymentsdb",
            "SELECT tran_id, status, amount FROM payments.payments WHERE tran_id = ANY(@tranIds)", new { tranIds }, ct)).ToDictionary(p => p.TranId);
        var pledges = (await platform.QueryAsync<(Guid Id, string Status, decimal Amount)>("pledgesdb",
            "SELECT id, status, amount FROM pledges.pledges WHERE id = ANY(@ids)", new { ids = paid.Select(d => d.PledgeId).ToArray() }, ct)).ToDictionary(p => p.Id);
        var chargedByTran = new Dictionary<string, decimal>();
        foreach (var donation in paid)
        {
            chargedByTran[donation.TranId!] = await ChargedAsync(donation.TranId!, ct);
        }

        var mismatched = paid.Where(d =>
        {
            var charged = chargedByTran[d.TranId!];
            var payment = payments.GetValueOrDefault(d.TranId!);
            var pledge = pledges.GetValueOrDefault(d.PledgeId);
            return charged > 0
                ? payment.Status != "completed" || payment.Amount != charged || pledge.Status != "completed" || pledge.Amount != charged
                : payment.Status != "failed" || pledge.Status != "failed";
        }).Select(d => $"{d.TranId}: sandbox {chargedByTran[d.TranId!]}, payment {payments.GetValueOrDefault(d.TranId!).Status}, pledge {pledges.GetValueOrDefault(d.PledgeId).Status}").ToList();
        report.Invariant("every charge counted exactly once (payment and pledge completed, nothing else)", paid.Count, paid.Count - mismatched.Count, mismatched);

        // The same money in every place that keeps it, campaign by campaign.
        var disagreements = new List<string>();
        var monitorClient = driver.NewClient();
        foreach (var campaignId in campaigns)
        {
            var (_, totals, _) = await Api.SendAsync(monitorClient, HttpMethod.Get, $"/api/query/campaigns/{campaignId}/totals", cancellationToken: ct);
            var (_, campaign, _) = await Api.SendAsync(monitorClient, HttpMethod.Get, $"/api/campaigns/{campaignId}", cancellationToken: ct);
            var inCampaign = paid.Where(d => d.CampaignId == campaignId).ToList();
            var figures = new[]
            {
                ("query totals", totals["data"]?["raisedAmount"]?.GetValue<decimal>()),
                ("campaign current_amount", campaign["data"]?["currentAmount"]?.GetValue<decimal>()),
                ("completed pledges", inCampaign.Where(d => pledges.GetValueOrDefault(d.PledgeId).Status == "completed").Sum(d => pledges[d.PledgeId].Amount)),
                ("completed payments", inCampaign.Where(d => payments.GetValueOrDefault(d.TranId!).Status == "completed").Sum(d => payments[d.TranId!].Amount)),
                ("sandbox charged", inCampaign.Sum(d => chargedByTran[d.TranId!])),
            };
            if (figures.Any(f => f.Item2 != expectedByCampaign[campaignId]))
            {
                disagreements.Add($"{campaignId}: expected {expectedByCampaign[campaignId]}, {string.Join(", ", figures.Select(f => $"{f.Item1} {f.Item2}"))}");
            }
        }

        report.Invariant("query totals = current_amount = completed pledges = completed payments = sandbox charged, per campaign",
            campaigns.Count, campaigns.Count - disagreements.Count, disagreements);

        // State history: every accepted move is one the state tables allow; the refused ones stay refused.
        var paymentMoves = await platform.QueryAsync<(Guid PaymentId, string? From, string To)>("paymentsdb",
            "SELECT payment_id, from_status, to_status FROM payments.payment_state_history WHERE accepted AND payment_id = ANY(@ids)",
            new { ids = paid.Select(d => d.PaymentId).ToArray() }, ct);
        var pledgeMoves = await platform.QueryAsync<(Guid PledgeId, string From, string To)>("pledgesdb",
            "SELECT pledge_id, from_status, to_status FROM pledges.pledge_state_history WHERE accepted AND pledge_id = ANY(@ids)",
            new { ids = paid.Select(d => d.PledgeId).ToArray() }, ct);
        var backwards = paymentMoves.Where(m => !PaymentMoves.Contains((m.From, m.To))).Select(m => $"payment {m.PaymentId}: {m.From} -> {m.To}")
            .Concat(pledgeMoves.Where(m => !(PledgeRank[m.To] > PledgeRank[m.From] || (m.From, m.To) == ("failed", "completed")))
                .Select(m => $"pledge {m.PledgeId}: {m.From} -> {m.To}"))
            .Concat(monitor.Decreases.Select(d => $"public total went down at {d}"))
            .ToList();
        report.Invariant("no payment, pledge or public total ever moved backwards", paymentMoves.Count + pledgeMoves.Count + monitor.Reads,
            paymentMoves.Count + pledgeMoves.Count + monitor.Reads - backwards.Count, backwards);

        // A long run outlives the first admin token.
        admin = await Api.LoginAsync(driver.NewClient(), CareForAll.AppHost.Secrets.PlatformSecrets.DevelopmentAdminEmail,
            CareForAll.AppHost.Secrets.PlatformSecrets.DevelopmentAdminPassword, ct);
        var deadLettersAfter = await DeadLettersAsync(driver, admin, ct);
        var newDeadLetters = deadLettersAfter.Where(q => q.Value > deadLettersBefore.GetValueOrDefault(q.Key))
            .Select(q => $"{q.Key}: {deadLettersBefore.GetValueOrDefault(q.Key)} -> {q.Value}").ToList();
        report.Invariant("no message dead-lettered during the run (every consumer queue's dead letters unchanged)", deadLettersAfter.Count,
            deadLettersAfter.Count - newDeadLetters.Count, newDeadLetters);

        // One receipt per completed donation: one row in notifications, one message in the mail sink; none for a failure.
        var sentAt = (await platform.QueryAsync<(string Key, DateTime SentAt)>("notificationsdb",
            "SELECT dedupe_key, sent_at FROM notifications.notifications WHERE template = 'receipt' AND dedupe_key = ANY(@keys) AND status = 'sent'",
            new { keys = paid.Select(d => $"receipt:{d.PledgeId:N}").ToArray() }, ct)).ToDictionary(r => r.Key, r => r.SentAt);
        var receipts = sentAt.Keys.ToHashSet();
        var delivered = await ReceiptsInTheMailSinkAsync(ct);
        var receiptProblems = new List<string>();
        foreach (var donation in paid)
        {
            var completed = chargedByTran[donation.TranId!] > 0;
            if (receipts.Contains($"receipt:{donation.PledgeId:N}") != completed)
            {
                receiptProblems.Add($"pledge {donation.PledgeId} ({(completed ? "completed" : "failed")}): receipt {(completed ? "missing" : "sent")}");
            }
        }

        // SMTP delivers at least once: a server that stops after storing a message but before answering gets it again on
        // the retry, under the same Message-ID (the notification's id), which is how a mailbox recognises the repeat.
        var repeated = new List<string>();
        var lostBySink = new List<string>();
        var sinkDown = report.Journal.Faults.Where(f => f.Name == FaultInjector.SmtpSinkDown)
            .Select(f => (From: report.Journal.Origin + f.Started - TimeSpan.FromSeconds(2), To: report.Journal.Origin + f.Recovered)).ToList();

        // Receipts sent, by the server's answer, while the sink was being stopped: the only ones it may have lost.
        List<string>? LostBySinkAsItStopped(IGrouping<string, ChaosDonation> donor, int inSink, int expected)
        {
            var candidates = donor.Where(d => chargedByTran[d.TranId!] > 0)
                .Select(d => (d.PledgeId, At: sentAt.TryGetValue($"receipt:{d.PledgeId:N}", out var at) ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : (DateTimeOffset?)null))
                .Where(r => r.At is { } at && sinkDown.Any(w => w.From <= at && at <= w.To))
                .Select(r => $"receipt for pledge {r.PledgeId} to {donor.Key}, sent {r.At:HH:mm:ss.fff}")
                .ToList();
            return candidates.Count >= expected - inSink ? candidates.Take(expected - inSink).ToList() : null;
        }

        foreach (var group in paid.GroupBy(d => d.Email))
        {
            var expected = group.Count(d => chargedByTran[d.TranId!] > 0);
            var messages = delivered.GetValueOrDefault(group.Key.ToLowerInvariant()) ?? [];
            var distinct = messages.Count;
            if (messages.Count > expected)
            {
                var ids = new List<(string MessageId, DateTimeOffset At)>();
                foreach (var (id, at) in messages)
                {
                    ids.Add((await MessageIdAsync(id, ct), at));
                }

                distinct = ids.Select(m => m.MessageId).Distinct().Count();
                repeated.AddRange(ids.GroupBy(m => m.MessageId).Where(g => g.Count() > 1)
                    .Select(g => $"{g.Key} at {string.Join(" and ", g.Select(m => m.At.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)))}"));
            }

            if (distinct < expected && LostBySinkAsItStopped(group, distinct, expected) is { } lost)
            {
                // The sink answered 250 (only then is a row marked sent) and stopped before it stored the message: the
                // development sink keeps accepted mail in memory for a moment, a real relay does not.
                lostBySink.AddRange(lost);
                distinct += lost.Count;
            }

            if (distinct != expected)
            {
                receiptProblems.Add($"{group.Key}: {distinct} receipts in the mail sink for {expected} completed donations");
            }
        }

        report.AddFigure("receipts the mail sink acknowledged as it was stopped and never stored", lostBySink.Count == 0 ? "0" : $"{lostBySink.Count}: {string.Join("; ", lostBySink)}");

        report.AddFigure("receipts the mail sink received twice under one Message-ID", repeated.Count == 0 ? "0" : $"{repeated.Count}: {string.Join("; ", repeated)}");
        report.Invariant("exactly one receipt per completed donation (one notification, one Message-ID in the mail sink), none for a failed one",
            paid.Count, paid.Count - receiptProblems.Count, receiptProblems);

        var unplanned = report.Journal.UnplannedFailures(report.Journal.Faults);
        report.Invariant("no 5xx (or no answer) outside the planned outage windows", report.Journal.Answers.Count,
            report.Journal.Answers.Count - unplanned.Count, unplanned.Select(a => $"{a.Sent.TotalSeconds:0.0}s to {a.At.TotalSeconds:0.0}s {a.Route}: {(a.Status == 0 ? "no answer" : a.Status)} {a.Problem}"));
    }

    private async Task<decimal> ChargedAsync(string tranId, CancellationToken ct)
    {
        using var sandbox = platform.App.CreateHttpClient("sslcommerz", "http");
        var view = await sandbox.GetFromJsonAsync<JsonNode>($"/_sandbox/transactions/{Uri.EscapeDataString(tranId)}", ct);
        return view!["sessions"]!.AsArray()
            .SelectMany(s => s!["attempts"]!.AsArray())
            .Where(a => a!["status"]!.GetValue<string>() is "VALID" or "VALIDATED")
            .Sum(a => a!["amount"]!.GetValue<decimal>()
                - a["refunds"]!.AsArray().Where(r => r!["status"]!.GetValue<string>() != "failed").Sum(r => r!["amount"]!.GetValue<decimal>()));
    }

    /// <summary>Receipts the mail sink holds, by recipient: each message's id in the sink and when it arrived.</summary>
    private async Task<Dictionary<string, List<(string Id, DateTimeOffset At)>>> ReceiptsInTheMailSinkAsync(CancellationToken ct)
    {
        using var smtp = platform.App.CreateHttpClient("smtp", "http");
        var page = await smtp.GetFromJsonAsync<JsonNode>("/api/Messages?searchTerms=chaos-&pageSize=100000", ct);
        return page!["results"]!.AsArray()
            .Where(m => m!["subject"]!.GetValue<string>().StartsWith("Your donation receipt", StringComparison.Ordinal))
            .SelectMany(m => m!["to"]!.AsArray().Select(t => (To: t!.GetValue<string>().ToLowerInvariant(),
                Id: m["id"]!.GetValue<string>(), At: m["receivedDate"]!.GetValue<DateTimeOffset>())))
            .GroupBy(m => m.To)
            .ToDictionary(g => g.Key, g => g.Select(m => (m.Id, m.At)).ToList());
    }

    /// <summary>The Message-ID header of one message in the mail sink.</summary>
    private async Task<string> MessageIdAsync(string id, CancellationToken ct)
    {
        using var smtp = platform.App.CreateHttpClient("smtp", "http");
        var message = await smtp.GetFromJsonAsync<JsonNode>($"/api/Messages/{Uri.EscapeDataString(id)}", ct);
        return message!["headers"]!.AsArray()
            .FirstOrDefault(h => string.Equals(h!["name"]?.GetValue<string>(), "Message-ID", StringComparison.OrdinalIgnoreCase))?["value"]?.GetValue<string>()
            ?? $"(no Message-ID on {id})";
    }

    /// <summary>Messages in each consumer's dead-letter queue, as the admin dashboard reports them.</summary>
    private static async Task<Dictionary<string, long>> DeadLettersAsync(DonationDriver driver, Api.Session admin, CancellationToken ct)
    {
        var (status, body, _) = await Api.SendAsync(driver.NewClient(), HttpMethod.Get, "/api/admin/dashboard/stats", accessToken: admin.AccessToken, cancellationToken: ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        var queues = body["data"]!["deadLetters"]!.AsArray();
        queues.ShouldAllBe(q => q!["available"]!.GetValue<bool>(), body.ToJsonString());
        return queues.ToDictionary(q => q!["deadLetterQueue"]!.GetValue<string>(), q => q!["messages"]!.GetValue<long>());
    }
}
