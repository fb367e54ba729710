using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CareForAll.SslCommerzSandbox.Tests;

/// <summary>
/// The sandbox in memory with a short refund delay and an adjustable clock, plus a merchant stand-in on a real port
/// that its notifications reach over the network.
/// </summary>
public sealed class SandboxApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string StoreId = "careforall0dev";
    public const string StorePassword = "careforall0dev@ssl";
    public static readonly TimeSpan RefundDelay = TimeSpan.FromMilliseconds(300);

    internal AdjustableClock Clock { get; } = new();

    internal MerchantReceiver Merchant { get; } = new();

    private GatewayCalls? _gateway;

    internal GatewayCalls Gateway =>
        _gateway ??= new GatewayCalls(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), Merchant);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sandbox:RefundDelay", RefundDelay.ToString());
        builder.UseSetting("Sandbox:DeliveryTimeout", "00:00:02");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public Task InitializeAsync() => Merchant.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Merchant.DisposeAsync();
        await DisposeAsync();
    }
}
