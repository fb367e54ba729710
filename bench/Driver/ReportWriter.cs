using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CareForAll.Bench;

/// <summary>The targets of ARCHITECTURE.md section 12 and the seed's table, and the report in Markdown and JSON.</summary>
internal static class ReportWriter
{
    private const double ServiceMemoryBudgetMb = 150;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IReadOnlyList<Target> Targets(Report r)
    {
        var services = r.Processes.Where(p => Processes.IsService(p.Name)).ToList();
        var largest = services.MaxBy(p => p.RssMb);
        var overBudget = services.Where(p => p.RssMb >= ServiceMemoryBudgetMb).Select(p => $"{p.Name} {p.RssMb:0}").ToList();
        var totalsRatio = r.Totals.RequestsPerSecond / r.BareKestrel.RequestsPerSecond;
        var pledgeRatio = r.Pledges.RequestsPerSecond / r.PgBench.Tps;
        var viralRatio = r.Viral.CompletedPerSecond / r.Spread.CompletedPerSecond;
        var lag = r.Sustained.IpnToTotal;
        var exact = new[] { r.Sustained, r.Viral, r.Spread }.All(run => run.TotalsExact && run.Errors == 0);
        return
        [
            new("ARCHITECTURE §12", "totals through the gateway vs bare Kestrel", ">= 30%", Pct(totalsRatio), totalsRatio >= 0.30),
            new("ARCHITECTURE §12", "totals p99", "< 20 ms", Ms(r.Totals.Latency.P99), r.Totals.Latency.P99 < 20),
            new("ARCHITECTURE §12", "pledges vs pgbench -N", ">= 40%", Pct(pledgeRatio), pledgeRatio >= 0.40),
            new("ARCHITECTURE §12", "whole donations sustained", ">= 250/s", $"{r.Sustained.CompletedPerSecond:0.#}/s", r.Sustained.CompletedPerSecond >= 250),
            new("ARCHITECTURE §12", "IPN answered to total visible, p99", "< 200 ms",
                lag is null ? "no sample" : $"{Ms(lag.P99)} ({lag.Samples} samples)", lag is { P99: < 200 }),
            new("ARCHITECTURE §12", "every service resident at load", "< 150 MB",
                overBudget.Count == 0 ? $"largest {largest?.Name} {largest?.RssMb:0} MB" : $"over: {string.Join(", ", overBudget)} MB",
                overBudget.Count == 0),
            new("ARCHITECTURE §12", $"one viral campaign vs {r.Spread.Campaigns} campaigns", ">= 80%", Pct(viralRatio), viralRatio >= 0.80),
            new("ARCHITECTURE §12", "exact totals after every donation run, no failed donation", "exact",
                exact ? "exact" : "NOT EXACT", exact),
            Seed("GET totals", r.Totals, 50, 1000),
            Seed("GET campaign", r.CampaignById, 100, 500),
            Seed("list campaigns", r.CampaignList, 200, 300),
            Seed("create pledge", r.Pledges, 500, 200),
            new("seed", "process payment (initiate p99, donations/s)", "< 2 s at 100/s",
                $"{Ms(r.Sustained.Initiate.P99)} at {r.Sustained.CompletedPerSecond:0.#}/s",
                r.Sustained.Initiate.P99 < 2000 && r.Sustained.CompletedPerSecond >= 100),
        ];
    }

    public static void Write(Report report, string directory, string stem)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $"{stem}.json"),
            JsonSerializer.Serialize(report, Json));
        Chart.Write(report, Path.Combine(directory, $"{stem}.png"));
        File.WriteAllText(Path.Combine(directory, $"{stem}.md"), Markdown(report, $"{stem}.png"));
    }

    private static Target Seed(string what, LoadResult load, double ms, double perSecond) =>
        new("seed", $"{what} (p99 at saturation, requests/s)", $"< {ms} ms at {perSecond}/s",
            $"{Ms(load.Latency.P99)} at {load.RequestsPerSecond:N0}/s", load.Latency.P99 < ms && load.RequestsPerSecond >= perSecond);

    private static string Markdown(Report r, string chart)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line($"# CareForAll benchmark, {r.Date}, commit {r.Commit}{(r.Label.Length > 0 ? $" ({r.Label})" : "")}");
        Line();
        Line($"Machine: {r.Machine.Cores} cores ({r.Machine.Cpu}), {r.Machine.MemoryGb:0.#} GiB, {r.Machine.Kernel}, {r.Machine.Runtime}. " +
             $"Everything (platform, infrastructure, load generators) shares it; figures are only comparable as ratios to the baselines measured in the same run.");
        Line();
        Line($"Platform: Release build through the AppHost, local infrastructure processes. {r.Settings}");
        Line();
        Line($"Whole run: {r.BenchSeconds:0} s. Produced by `eng/bench.sh`.");
        Line();
        Line($"![latency and throughput]({chart})");
        Line();
        Line("## Targets");
        Line();
        Line("| source | what | target | measured | met |");
        Line("|---|---|---|---|---|");
        foreach (var t in r.Targets)
        {
            Line($"| {t.Source} | {t.What} | {t.Goal} | {t.Measured} | {(t.Met ? "yes" : "**no**")} |");
        }

        Line();
        Line("The seed's latency targets are checked at saturation (closed loop, every connection busy), which is harder than at the stated rate.");
        Line();
        Line($"## HTTP loads (wrk, {r.Totals.Connections} connections, {r.Totals.Seconds:0} s each after a warm-up)");
        Line();
        Line("| scenario | route | requests/s | vs baseline | p50 | p90 | p99 | max | errors |");
        Line("|---|---|---|---|---|---|---|---|---|");
        LoadRow(md, r.BareKestrel, "1.00 (baseline)");
        LoadRow(md, r.Totals, Ratio(r.Totals.RequestsPerSecond, r.BareKestrel.RequestsPerSecond) + " of bare");
        LoadRow(md, r.CampaignList, Ratio(r.CampaignList.RequestsPerSecond, r.BareKestrel.RequestsPerSecond) + " of bare");
        LoadRow(md, r.CampaignById, Ratio(r.CampaignById.RequestsPerSecond, r.BareKestrel.RequestsPerSecond) + " of bare");
        LoadRow(md, r.Pledges, Ratio(r.Pledges.RequestsPerSecond, r.PgBench.Tps) + " of pgbench");
        Line($"| pgbench -N (baseline) | scale {r.PgBench.Scale}, {r.PgBench.Clients} clients | {r.PgBench.Tps:N0} tps | 1.00 | | | | | avg {r.PgBench.LatencyAverageMs:0.##} ms |");
        Line();
        Line("## Whole donations (pledge, initiate, the sandbox pays and sends its IPN)");
        Line();
        Line("| run | campaigns | donors | donations | accepted/s | completed/s | caught up after | pledge p50/p99 | initiate p50/p99 | pay p50/p99 | IPN to total p50/p99 (samples) | totals | errors |");
        Line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var run in new[] { r.Sustained, r.Viral, r.Spread })
        {
            var lag = run.IpnToTotal is { } l ? $"{Ms(l.P50)} / {Ms(l.P99)} ({l.Samples})" : "";
            Line($"| {run.Name} | {run.Campaigns} | {run.Workers} | {run.Donations:N0} | {run.AcceptedPerSecond:0.#} | {run.CompletedPerSecond:0.#} | " +
                 $"{run.CaughtUpSeconds:0.#} s | {Ms(run.Pledge.P50)} / {Ms(run.Pledge.P99)} | {Ms(run.Initiate.P50)} / {Ms(run.Initiate.P99)} | " +
                 $"{Ms(run.Pay.P50)} / {Ms(run.Pay.P99)} | {lag} | {(run.TotalsExact ? "exact" : "**not exact**")} | {run.Errors} |");
        }

        Line();
        Line("\"Completed\" counts a donation once the totals route and the campaigns service both show it: donations divided by the time from the first pledge until every total was exact.");
        foreach (var run in new[] { r.Sustained, r.Viral, r.Spread }.Where(run => run.Mismatches.Count > 0 || run.FirstErrors.Count > 0))
        {
            Line();
            Line($"{run.Name}: " + string.Join("; ", run.Mismatches.Concat(run.FirstErrors)));
        }

        Line();
        Line("## Processes at the end of the load");
        Line();
        Line("| process | pid | resident (RSS) | proportional (PSS) | CPU s during the benchmark | CPU s since start |");
        Line("|---|---|---|---|---|---|");
        foreach (var p in r.Processes)
        {
            Line($"| {p.Name} | {(p.Pid == 0 ? "several" : p.Pid.ToString(CultureInfo.InvariantCulture))} | {p.RssMb:0} MB | {p.PssMb:0} MB | {p.CpuSecondsDuringLoad:0.#} | {p.CpuSeconds:0.#} |");
        }

        Line();
        Line("Infrastructure lines add up all their processes (PostgreSQL's backends, RabbitMQ's Erlang helpers), so their RSS counts shared memory more than once; PSS does not.");
        return md.ToString();
    }

    private static void LoadRow(StringBuilder md, LoadResult load, string ratio) =>
        md.Append(CultureInfo.InvariantCulture, $"| {load.Name} | `{load.Target}` | {load.RequestsPerSecond:N0} | {ratio} | {Ms(load.Latency.P50)} | ")
          .Append(CultureInfo.InvariantCulture, $"{Ms(load.Latency.P90)} | {Ms(load.Latency.P99)} | {Ms(load.Latency.Max)} | {load.Errors} |\n");

    private static string Ratio(double value, double baseline) => (value / baseline).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Pct(double ratio) => ratio.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Ms(double ms) => ms.ToString("0.##", CultureInfo.InvariantCulture) + " ms";
}
