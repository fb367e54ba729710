using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace CareForAll.Gateway.Caching;

internal static class OutputCacheRegistration
{
    private const string RedisKeyPrefix = "careforall:gateway:";

    /// <summary>Output cache policies and the evictor, over the in-memory store until Redis replaces it.</summary>
    public static IServiceCollection AddGatewayOutputCache(this IServiceCollection services, GatewayOptions options)
    {
        services.AddOutputCache(cache =>
            cache.AddPolicy(CampaignPagesCachePolicy.Name, new CampaignPagesCachePolicy(options.CacheEntryMaxAge)));
        services.AddSingleton<IGatewayCacheEvictor, OutputCacheEvictor>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// Keeps cached responses in Redis, over the connection the Redis client integration registered, so every
    /// replica serves and evicts the same entries.
    /// </summary>
    public static IServiceCollection AddRedisOutputCacheStore(this IServiceCollection services)
    {
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>()
            .Configure<IServiceProvider>((redis, provider) =>
            {
                redis.InstanceName = RedisKeyPrefix;
                redis.ConnectionMultiplexerFactory = () =>
                    Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>());
            });
        return services;
    }
}
