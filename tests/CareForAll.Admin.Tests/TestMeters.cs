using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CareForAll.Admin.Tests;

/// <summary>The admin meters over a private meter factory (nothing listens; the counters just need to exist).</summary>
internal static class TestMeters
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static AdminMetrics Metrics { get; } = new(Services.GetRequiredService<IMeterFactory>());
}
