using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CareForAll.Campaigns.Tests;

internal static class TestMeters
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static CampaignsMetrics Metrics { get; } = new(Services.GetRequiredService<IMeterFactory>());
}
