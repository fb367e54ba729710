using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CareForAll.Payments.SslCommerz;

/// <summary>Registers the typed <see cref="SslCommerzClient"/> with the resilience the gateway needs.</summary>
internal static class SslCommerzRegistration
{
    /// <summary>
    /// The service defaults retry every call; here a repeated session or refund request would be a second one at the
    /// gateway, so the handler is replaced by one that never retries calls marked <see cref="SslCommerzClient.NoRetry"/>
    /// (reads still are retried), with the <c>SslCommerz</c> timeouts.
    /// </summary>
    public static IHttpClientBuilder AddSslCommerzClient(this IServiceCollection services)
    {
#pragma warning disable EXTEXP0001 // The supported way to replace the handler ServiceDefaults adds to every client.
        var client = services.AddHttpClient<SslCommerzClient>((provider, http) =>
                http.BaseAddress = new Uri(provider.GetRequiredService<IOptions<SslCommerzOptions>>().Value.BaseUrl.TrimEnd('/') + "/"))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler().Configure((resilience, provider) =>
        {
            var gateway = provider.GetRequiredService<IOptions<SslCommerzOptions>>().Value;
            resilience.AttemptTimeout.Timeout = gateway.AttemptTimeout;
            resilience.TotalRequestTimeout.Timeout = gateway.Timeout;
            if (resilience.CircuitBreaker.SamplingDuration < gateway.AttemptTimeout * 2)
            {
                resilience.CircuitBreaker.SamplingDuration = gateway.AttemptTimeout * 2;
            }

            var retryable = resilience.Retry.ShouldHandle;
            resilience.Retry.ShouldHandle = args =>
                SslCommerzClient.MayRetry(args.Context.GetRequestMessage()) ? retryable(args) : ValueTask.FromResult(false);
        });
        return client;
    }
}
