using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CareForAll.IntegrationTests.Chaos;

/// <summary>The run's invariants and figures, as a table for the console and files for <c>bench/results</c>.</summary>
internal sealed class ChaosReport(ChaosSettings settings, ChaosJournal journal, IReadOnlyList<ChaosDonation> donations, TimeSpan catchUp)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly List<Row> _invariants = [];
    private readonly List<(string Name, string Value)> _figures = [];

    public sealed record Row(string Name, int Checked, int Held, IReadOnlyList<string> Failures)
    {
        public bool Passed => Failures.Count == 0;
    }

    public ChaosJournal Journal => journal;

    public IReadOnlyList<ChaosDonation> Donations => donations;

    public IReadOnlyList<string> Failed => [.. _invariants.Where(r => !r.Passed).SelectMany(r => r.Failures.Take(20).Prepend($"{r.Name}:"))];

    public void Invariant(string name, int @checked, int held, IEnumerable<string> failures) =>
        _invariants.Add(new Row(name, @checked, held, [.. failures]));

    public void AddFigure(string name, string value) => _figures.Add((name, value));

    public async Task AddFiguresAsync(PlatformFixture platform, IReadOnlyList<ChaosDonation> paid, CancellationToken ct)
    {
        var tranIds = paid.Select(d => d.TranId!).ToArray();
        var paymentIds = paid.Select(d => d.PaymentId).ToArray();
        var duplicates = await platform.ScalarAsync<long>("paymentsdb",
            "SELECT coalesce(sum(duplicate_count), 0) FROM payments.webhook_logs WHERE tran_id = ANY(@tranIds)", new { tranIds }, ct);
        var reconciled = await platform.CountAsync("paymentsdb",
            "SELECT count(DISTINCT payment_id) FROM payments.payment_state_history WHERE source = 'reconciliation' AND accepted AND payment_id = ANY(@paymentIds)",
            new { paymentIds }, ct);
        var refused = await platform.CountAsync("paymentsdb",
            "SELECT count(*) FROM payments.payment_state_history WHERE NOT accepted AND payment_id = ANY(@paymentIds)", new { paymentIds }, ct);
        var lags = await platform.QueryAsync<(Guid Id, DateTime CompletedAt)>("pledgesdb",
            "SELECT id, completed_at FROM pledges.pledges WHERE id = ANY(@ids) AND completed_at IS NOT NULL",
            new { ids = paid.Select(d => d.PledgeId).ToArray() }, ct);
        var paidAt = paid.ToDictionary(d => d.PledgeId, d => d.PaidAtUtc);
        var longest = lags.Select(l => new DateTimeOffset(DateTime.SpecifyKind(l.CompletedAt, DateTimeKind.Utc)) - paidAt[l.Id]).DefaultIfEmpty().Max();

        var answers = journal.Answers;
        var faults = journal.Faults;
        _figures.AddRange(
        [
            ("donations planned", donations.Count.ToString(CultureInfo.InvariantCulture)),
            ("paid on the sandbox: charged / failed or cancelled", $"{paid.Count(d => d.SandboxStatus == "VALID")} / {paid.Count(d => d.SandboxStatus != "VALID")}"),
            ("guests / registered donors' donations", $"{donations.Count(d => d.Donor is null)} / {donations.Count(d => d.Donor is not null)}"),
            ("money charged and counted", $"{paid.Where(d => d.SandboxStatus == "VALID").Sum(d => d.Amount).ToString("N2", CultureInfo.InvariantCulture)} BDT"),
            ("faults injected", faults.Count.ToString(CultureInfo.InvariantCulture)),
            ("IPNs sent more than once / failures sent before a success", $"{paid.Count(d => d.Script.Copies > 1)} / {paid.Count(d => d.Script.EarlierFailure)}"),
            ("IPNs dropped / of those, no browser return either", $"{paid.Count(d => d.Script.DropIpn)} / {paid.Count(d => d.Script.OnlyReconciliationFinds)}"),
            ("duplicate notifications absorbed (webhook log)", duplicates.ToString(CultureInfo.InvariantCulture)),
            ("payments settled by reconciliation", reconciled.ToString(CultureInfo.InvariantCulture)),
            ("state moves refused (stale, duplicate or backwards)", refused.ToString(CultureInfo.InvariantCulture)),
            ("requests / answered 5xx or not at all inside outages", $"{answers.Count} / {answers.Count(a => a.Status == 0 || a.Status >= 500)}"),
            ("longest time from the last fault and donation to full agreement", $"{catchUp.TotalSeconds:0.0} s"),
            ("longest time from payment to pledge completed", $"{longest.TotalSeconds:0.0} s"),
        ]);
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Chaos run: {settings.Donations} donations");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Seed {settings.Seed}; {settings.Concurrency} donors at a time, {settings.DonationsPerSecond} donations started per second; outages of {settings.Outage.TotalSeconds:0} s; {Environment.ProcessorCount} cores; {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine();
        text.AppendLine("| fault | began | back after | what |");
        text.AppendLine("|---|---|---|---|");
        foreach (var fault in journal.Faults)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {fault.Name} | {fault.Started.TotalSeconds:0.0} s | {(fault.Recovered - fault.Started).TotalSeconds:0.0} s | {fault.Detail} |");
        }

        text.AppendLine();
        text.AppendLine("| figure | value |");
        text.AppendLine("|---|---|");
        foreach (var (name, value) in _figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        }

        text.AppendLine();
        text.AppendLine("| invariant | checked | held | result |");
        text.AppendLine("|---|---|---|---|");
        foreach (var row in _invariants)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Checked} | {row.Held} | {(row.Passed ? "pass" : "**FAIL**")} |");
        }

        foreach (var row in _invariants.Where(r => !r.Passed))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Name}, first of {row.Failures.Count}:");
            foreach (var failure in row.Failures.Take(20))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {failure}");
            }
        }

        return text.ToString();
    }

    /// <summary>Writes <c>&lt;date&gt;-&lt;commit&gt;-&lt;label&gt;.md</c> and <c>.json</c> when a results folder was given; returns the Markdown's path.</summary>
    public string? Write()
    {
        if (settings.ResultsDirectory is null)
        {
            return null;
        }

        Directory.CreateDirectory(settings.ResultsDirectory);
        var commit = Environment.GetEnvironmentVariable("CHAOS_COMMIT") is { Length: > 0 } c ? c : "local";
        var stem = Path.Combine(settings.ResultsDirectory, $"{DateTimeOffset.UtcNow:yyyy-MM-dd}-{commit}-{settings.Label}");
        File.WriteAllText(stem + ".md", Markdown());
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(new
        {
            settings.Donations,
            settings.Concurrency,
            settings.DonationsPerSecond,
            OutageSeconds = settings.Outage.TotalSeconds,
            settings.Seed,
            Faults = journal.Faults.Select(f => new { f.Name, f.Detail, Began = f.Started.TotalSeconds, BackAfter = (f.Recovered - f.Started).TotalSeconds }),
            Figures = _figures.ToDictionary(f => f.Name, f => f.Value),
            Invariants = _invariants.Select(r => new { r.Name, r.Checked, r.Held, r.Passed, Failures = r.Failures.Take(50) }),
        }, Indented));
        return stem + ".md";
    }
}
