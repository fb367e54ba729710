namespace CareForAll.IntegrationTests.Chaos;

/// <summary>
/// A platform of its own for the chaos run, started only when that run is selected: the faults it injects (PostgreSQL,
/// RabbitMQ and services stopped or killed) would otherwise land in the middle of every other test.
/// </summary>
public sealed class ChaosPlatform : PlatformFixture;

[CollectionDefinition(Name)]
public sealed class ChaosPlatformGroup : ICollectionFixture<ChaosPlatform>
{
    public const string Name = "chaos";
}

/// <summary>How big the run is; the short form is the default, <c>eng/chaos.sh</c> sets the full one.</summary>
internal sealed record ChaosSettings(int Donations, int Concurrency, double DonationsPerSecond, TimeSpan Outage, int Seed, string? ResultsDirectory, string Label)
{
    public static ChaosSettings FromEnvironment()
    {
        var donations = Number("CHAOS_DONATIONS", 200);
        var full = donations >= 1000;
        var seedText = Environment.GetEnvironmentVariable("CHAOS_SEED");
        return new ChaosSettings(
            donations,
            Concurrency: Number("CHAOS_CONCURRENCY", full ? 32 : 12),
            // Paced so the load spans the whole fault schedule instead of finishing before the first fault.
            DonationsPerSecond: Number("CHAOS_RATE", full ? 8 : 2),
            Outage: TimeSpan.FromSeconds(Number("CHAOS_OUTAGE_SECONDS", full ? 10 : 5)),
            Seed: string.IsNullOrEmpty(seedText) ? Random.Shared.Next() : int.Parse(seedText, System.Globalization.CultureInfo.InvariantCulture),
            ResultsDirectory: Environment.GetEnvironmentVariable("CHAOS_RESULTS") is { Length: > 0 } dir ? dir : null,
            Label: Environment.GetEnvironmentVariable("CHAOS_LABEL") is { Length: > 0 } label ? label : (full ? "chaos" : "chaos-short"));
    }

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
