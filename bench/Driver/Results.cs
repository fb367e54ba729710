namespace CareForAll.Bench;

/// <summary>Latency percentiles in milliseconds.</summary>
internal sealed record Percentiles(int Samples, double P50, double P90, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0);
        }

        double At(double p) => Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)], 2);
        return new Percentiles(sorted.Length, At(50), At(90), At(99), Math.Round(sorted[^1], 2));
    }
}

/// <summary>One closed-loop HTTP load (wrk): every connection sends its next request when the last one is answered.</summary>
internal sealed record LoadResult
{
    public required string Name { get; init; }
    public required string Target { get; init; }
    public required int Connections { get; init; }
    public required double Seconds { get; init; }
    public required long Requests { get; init; }
    public required long Errors { get; init; }
    public required double RequestsPerSecond { get; init; }
    public required Percentiles Latency { get; init; }
}

internal sealed record PgBenchResult(int Clients, double Seconds, double Tps, double LatencyAverageMs, int Scale);

internal sealed record DonationResult
{
    public required string Name { get; init; }
    public required int Campaigns { get; init; }
    public required int Workers { get; init; }
    public required int Donations { get; init; }
    public required int Errors { get; init; }
    public required IReadOnlyList<string> FirstErrors { get; init; }
    public required double LoadSeconds { get; init; }

    /// <summary>From the first pledge until every total showed every donation.</summary>
    public required double CaughtUpSeconds { get; init; }

    /// <summary>Donations whose three requests were answered, per second of load.</summary>
    public required double AcceptedPerSecond { get; init; }

    /// <summary>Donations per second until the last one was visible in every total: what the platform sustains.</summary>
    public required double CompletedPerSecond { get; init; }

    public required Percentiles Pledge { get; init; }
    public required Percentiles Initiate { get; init; }
    public required Percentiles Pay { get; init; }
    public Percentiles? IpnToTotal { get; init; }
    public required bool TotalsExact { get; init; }
    public required IReadOnlyList<string> Mismatches { get; init; }
}

internal sealed record ProcessUsage(string Name, int Pid, double RssMb, double PssMb, double CpuSeconds, double CpuSecondsDuringLoad);

internal sealed record Machine(int Cores, double MemoryGb, string Cpu, string Kernel, string Runtime);

internal sealed record Target(string Source, string What, string Goal, string Measured, bool Met);

internal sealed record Report
{
    public required string Date { get; init; }
    public required string Commit { get; init; }
    public required string Label { get; init; }
    public required Machine Machine { get; init; }
    public required string Settings { get; init; }
    public required LoadResult BareKestrel { get; init; }
    public required PgBenchResult PgBench { get; init; }
    public required LoadResult Totals { get; init; }
    public required LoadResult CampaignList { get; init; }
    public required LoadResult CampaignById { get; init; }
    public required LoadResult Pledges { get; init; }
    public required DonationResult Sustained { get; init; }
    public required DonationResult Viral { get; init; }
    public required DonationResult Spread { get; init; }
    public required IReadOnlyList<ProcessUsage> Processes { get; init; }
    public required IReadOnlyList<Target> Targets { get; init; }
    public required double BenchSeconds { get; init; }
}
