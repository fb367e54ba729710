using System.Diagnostics;
using System.Runtime.InteropServices;
using CareForAll.Bench;

// Measures a running platform (eng/bench.sh starts it, and the bare endpoint) and writes bench/results/<date>-<commit>.*
var options = Options.Parse(args);
var clock = Stopwatch.StartNew();
void Say(string text) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {text}");

using var api = Api.Create(options, connections: options.Donors * 2);
Say("Seeding: the development admin, one verified organiser, and the campaigns");
var admin = await api.AdminAsync();
var organiser = await api.VerifiedOrganiserAsync();
var campaigns = new List<Guid>();
for (var i = 0; i < options.SpreadCampaigns; i++)
{
    campaigns.Add(await api.ActiveCampaignAsync(organiser, admin, $"Flood relief in Sylhet, village {i + 1}"));
}

var viral = await api.ActiveCampaignAsync(organiser, admin, "Heart surgery for Ayesha");
var probe = await api.ActiveCampaignAsync(organiser, admin, "School books for Rangpur");
var donations = new Donations(api, options);

// The read model learns of a new campaign by an event: wait until every one is on the totals route.
foreach (var campaign in campaigns.Append(viral).Append(probe))
{
    var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
    while (await api.RaisedAsync(campaign) is null)
    {
        if (DateTimeOffset.UtcNow > deadline)
        {
            throw new InvalidOperationException($"Campaign {campaign} never reached the read model");
        }

        await Task.Delay(50);
    }
}

var cpuBefore = Processes.Cpu();
var totalsPaths = string.Join(' ', campaigns.Select(id => $"/api/query/campaigns/{id}/totals"));
var campaignPaths = string.Join(' ', campaigns.Select(id => $"/api/campaigns/{id}"));

async Task<LoadResult> LoadAsync(string name, Uri target, string route, string script, Dictionary<string, string> environment)
{
    Say($"{name}: warm-up {options.Warmup.TotalSeconds:0} s, then {options.Duration.TotalSeconds:0} s at {options.Connections} connections");
    await Wrk.RunAsync(options, name, target, route, script, environment, options.Warmup);
    var result = await Wrk.RunAsync(options, name, target, route, script, environment, options.Duration);
    Say($"  {result.RequestsPerSecond:N0} requests/s, p50 {result.Latency.P50} ms, p99 {result.Latency.P99} ms, {result.Errors} errors");
    return result;
}

var bare = await LoadAsync("bare Kestrel (baseline)", options.Baseline, "GET /totals", "get.lua", new() { ["BENCH_PATHS"] = "/totals" });
var totals = await LoadAsync("1. totals", options.Gateway, "GET /api/query/campaigns/{id}/totals", "get.lua", new() { ["BENCH_PATHS"] = totalsPaths });
var list = await LoadAsync("2a. campaign list", options.Gateway, "GET /api/campaigns", "get.lua", new() { ["BENCH_PATHS"] = "/api/campaigns" });
var byId = await LoadAsync("2b. one campaign", options.Gateway, "GET /api/campaigns/{id}", "get.lua", new() { ["BENCH_PATHS"] = campaignPaths });

Say($"pgbench -N: {options.Duration.TotalSeconds:0} s at {options.Connections} clients");
var pgbench = await PgBench.RunAsync(options, options.Duration);
Say($"  {pgbench.Tps:N0} tps, average {pgbench.LatencyAverageMs} ms");
var pledges = await LoadAsync("3. create pledge", options.Gateway, "POST /api/pledges", "pledge.lua", new()
{
    ["BENCH_CAMPAIGNS"] = string.Join(' ', campaigns),
});

async Task<DonationResult> DonateAsync(string name, IReadOnlyList<Guid> targets, int? count, TimeSpan? duration, Guid? probeCampaign = null)
{
    Say($"{name}: {(count is { } n ? $"{n:N0} donations" : $"{duration!.Value.TotalSeconds:0} s")} by {options.Donors} donors over {targets.Count} campaign(s)");
    var run = await donations.RunAsync(name, targets, options.Donors, count, duration, probeCampaign);
    Say($"  {run.Donations:N0} donations, {run.CompletedPerSecond}/s completed, totals {(run.TotalsExact ? "exact" : "NOT EXACT")}, {run.Errors} errors" +
        (run.IpnToTotal is { } lag ? $", IPN to total p50 {lag.P50} ms p99 {lag.P99} ms" : ""));
    return run;
}

await DonateAsync("warm-up", campaigns, Math.Min(500, options.ViralDonations / 10), null);
var sustained = await DonateAsync("4. sustained donations", campaigns, null, options.Duration, probe);
var viralRun = await DonateAsync("5a. one viral campaign", [viral], options.ViralDonations, null);
var spreadRun = await DonateAsync($"5b. spread over {campaigns.Count} campaigns", campaigns, options.ViralDonations, null);
var processes = Processes.Snapshot(cpuBefore);

var memoryKb = File.ReadLines("/proc/meminfo").First(line => line.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
var report = new Report
{
    Date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
    Commit = options.Commit,
    Label = options.Label,
    Machine = new Machine(Environment.ProcessorCount, Math.Round(double.Parse(memoryKb, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024, 1),
        cpu, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription),
    Settings = options.Settings,
    BareKestrel = bare,
    PgBench = pgbench,
    Totals = totals,
    CampaignList = list,
    CampaignById = byId,
    Pledges = pledges,
    Sustained = sustained,
    Viral = viralRun,
    Spread = spreadRun,
    Processes = processes,
    Targets = [],
    BenchSeconds = Math.Round(clock.Elapsed.TotalSeconds, 0),
};
report = report with { Targets = ReportWriter.Targets(report) };
var stem = $"{DateTimeOffset.UtcNow:yyyy-MM-dd}-{options.Commit}{(options.Label.Length > 0 ? "-" + options.Label : "")}";
ReportWriter.Write(report, options.Output, stem);
Say($"Wrote {Path.Combine(options.Output, stem)}.md, .json and .png");
foreach (var target in report.Targets)
{
    Console.WriteLine($"  {(target.Met ? "met    " : "NOT MET")}  {target.What}: {target.Measured} (target {target.Goal})");
}

// A benchmark that loses or double-counts money fails, whatever its speed.
return new[] { sustained, viralRun, spreadRun }.All(run => run.TotalsExact) ? 0 : 1;
