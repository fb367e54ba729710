using System.Net;
using CareForAll.Payments.Configuration;
using CareForAll.Payments.SslCommerz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareForAll.Payments.Tests;

public sealed class SslCommerzClientTests
{
    private sealed class FailingGateway : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
    }

    private static (ServiceProvider Services, FailingGateway Gateway) Registered()
    {
        var gateway = new FailingGateway();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        // What ServiceDefaults gives every client: a handler that retries anything transient.
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        services.AddSingleton(Options.Create(new SslCommerzOptions
        {
            BaseUrl = "http://sslcommerz.test",
            StoreId = "store",
            StorePassword = "store@ssl",
            Timeout = TimeSpan.FromSeconds(5),
            AttemptTimeout = TimeSpan.FromSeconds(1),
        }));
        services.AddSingleton(Options.Create(new PaymentsOptions { PublicBaseUrl = "http://gateway.test" }));
        services.AddSslCommerzClient().ConfigurePrimaryHttpMessageHandler(() => gateway);
        return (services.BuildServiceProvider(), gateway);
    }

    [Fact]
    public async Task a_session_request_is_never_repeated_by_the_resilience_handler()
    {
        var (services, gateway) = Registered();
        await using var _ = services;
        var client = services.GetRequiredService<SslCommerzClient>();

        await Should.ThrowAsync<SslCommerzUnavailableException>(() => client.OpenSessionAsync(
            new SessionRequest(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "CFA1", 100m, "BDT", "Donor", "d@example.org"),
            CancellationToken.None));

        gateway.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task a_refund_request_is_never_repeated_by_the_resilience_handler()
    {
        var (services, gateway) = Registered();
        await using var _ = services;
        var client = services.GetRequiredService<SslCommerzClient>();

        await Should.ThrowAsync<SslCommerzUnavailableException>(() => client.InitiateRefundAsync(
            new RefundRequest("BANK1", "RFD1", 100m, "asked", "ref"), CancellationToken.None));

        gateway.Calls.ShouldBe(1);
    }

    [Fact]
    public void only_calls_marked_never_to_repeat_are_excluded_from_retries()
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "validator/api/validationserverAPI.php");
        using var write = new HttpRequestMessage(HttpMethod.Get, "validator/api/merchantTransIDvalidationAPI.php");
        write.Options.Set(SslCommerzClient.NoRetry, true);

        SslCommerzClient.MayRetry(read).ShouldBeTrue();
        SslCommerzClient.MayRetry(write).ShouldBeFalse();
    }
}
