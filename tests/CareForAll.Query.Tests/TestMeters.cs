using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CareForAll.Query.Tests;

internal static class TestMeters
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static QueryMetrics Metrics { get; } = new(Services.GetRequiredService<IMeterFactory>());
}
