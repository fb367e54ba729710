using System.Globalization;

namespace CareForAll.Bench;

/// <summary>What eng/bench.sh tells the driver: where the platform answers and how hard to push it.</summary>
internal sealed record Options
{
    public Uri Gateway { get; init; } = new("http://127.0.0.1:8080");
    public Uri Sandbox { get; init; } = new("http://127.0.0.1:5190");
    public Uri Mailbox { get; init; } = new("http://127.0.0.1:5089");
    public Uri Baseline { get; init; } = new("http://127.0.0.1:5399");
    public int PostgresPort { get; init; } = 54329;
    public string PgBin { get; init; } = "/usr/lib/postgresql/15/bin";
    public string WrkScripts { get; init; } = "bench/wrk";
    public string Output { get; init; } = "bench/results";
    public string Commit { get; init; } = "unknown";
    public string Label { get; init; } = "";
    public string Settings { get; init; } = "";
    public int Connections { get; init; } = 64;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public int Donors { get; init; } = 64;
    public int ViralDonations { get; init; } = 10_000;
    public int SpreadCampaigns { get; init; } = 100;

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--gateway" => options with { Gateway = new Uri(value) },
                "--sandbox" => options with { Sandbox = new Uri(value) },
                "--mailbox" => options with { Mailbox = new Uri(value) },
                "--baseline" => options with { Baseline = new Uri(value) },
                "--postgres-port" => options with { PostgresPort = Int(value) },
                "--pg-bin" => options with { PgBin = value },
                "--wrk-scripts" => options with { WrkScripts = value },
                "--output" => options with { Output = value },
                "--commit" => options with { Commit = value },
                "--label" => options with { Label = value },
                "--settings" => options with { Settings = value },
                "--connections" => options with { Connections = Int(value) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Int(value)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(Int(value)) },
                "--donors" => options with { Donors = Int(value) },
                "--viral-donations" => options with { ViralDonations = Int(value) },
                "--spread-campaigns" => options with { SpreadCampaigns = Int(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
