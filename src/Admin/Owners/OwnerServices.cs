using CareForAll.Admin.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CareForAll.Admin.Owners;

/// <summary>
/// The services that own what admins act on. Each has a named HttpClient; the admin service never writes their
/// databases, it asks them.
/// </summary>
internal static class OwnerServices
{
    public const string Identity = "identity";
    public const string Campaigns = "campaigns";
    public const string Pledges = "pledges";
    public const string Payments = "payments";
    public const string Query = "query";

    /// <summary>The client for read-model rebuilds: the query service, with the long <c>RebuildTimeout</c>.</summary>
    public const string QueryRebuild = "query-rebuild";

    public static readonly IReadOnlyList<string> All = [Identity, Campaigns, Pledges, Payments, Query];

    /// <summary>
    /// Registers one client per owner. The handler the service defaults put on every client is replaced by one with
    /// the <c>Admin:Services</c> timeouts that retries only reads (and only those whose call allows it): a repeated
    /// approve or refund is the owner's to deduplicate, not ours to guess.
    /// </summary>
    public static IServiceCollection AddOwnerClients(this IServiceCollection services)
    {
        services.AddTransient<OwnerClient>();
        foreach (var name in All)
        {
            Add(services, name, o => (o.AttemptTimeout, o.Timeout));
        }

        Add(services, QueryRebuild, o => (o.RebuildTimeout, o.RebuildTimeout));
        return services;
    }

    private static void Add(IServiceCollection services, string name, Func<OwnerServicesOptions, (TimeSpan Attempt, TimeSpan Total)> timeouts)
    {
#pragma warning disable EXTEXP0001 // The supported way to replace the handler ServiceDefaults adds to every client.
        var client = services
            .AddHttpClient(name, (provider, http) =>
                http.BaseAddress = new Uri(provider.GetRequiredService<IOptions<OwnerServicesOptions>>().Value.BaseUrl(name).TrimEnd('/') + "/"))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler().Configure((resilience, provider) =>
        {
            var (attempt, total) = timeouts(provider.GetRequiredService<IOptions<OwnerServicesOptions>>().Value);
            resilience.AttemptTimeout.Timeout = attempt;
            resilience.TotalRequestTimeout.Timeout = total;
            if (resilience.CircuitBreaker.SamplingDuration < attempt * 2)
            {
                resilience.CircuitBreaker.SamplingDuration = attempt * 2;
            }

            resilience.Retry.DisableForUnsafeHttpMethods();
            var retryable = resilience.Retry.ShouldHandle;
            resilience.Retry.ShouldHandle = args =>
                OwnerCall.MayRetry(args.Context.GetRequestMessage()) ? retryable(args) : ValueTask.FromResult(false);
        });
    }
}
