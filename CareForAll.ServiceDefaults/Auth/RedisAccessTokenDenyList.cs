using StackExchange.Redis;

namespace CareForAll.ServiceDefaults.Auth;

/// <summary>The deny-list in Redis (keys in <see cref="DenyListKeys"/>).</summary>
internal sealed class RedisAccessTokenDenyList(IConnectionMultiplexer redis, TimeProvider time) : IAccessTokenDenyList
{
    public async Task DenyTokenAsync(string jti, DateTimeOffset expiresAt)
    {
        var ttl = DenyListKeys.DeniedTokenTtl(expiresAt, time.GetUtcNow());
        if (ttl is null)
        {
            return; // already expired: validation refuses it without our help
        }

        await redis.GetDatabase().StringSetAsync(DenyListKeys.DeniedToken(jti), "1", ttl.Value);
    }

    public Task SuspendUserAsync(Guid userId) =>
        redis.GetDatabase().StringSetAsync(DenyListKeys.SuspendedUser(userId), "1");

    public Task ReinstateUserAsync(Guid userId) =>
        redis.GetDatabase().KeyDeleteAsync(DenyListKeys.SuspendedUser(userId));

    public async Task<bool> IsRefusedAsync(string jti, Guid userId)
    {
        // One round trip for both keys: EXISTS counts how many of them are present.
        var present = await redis.GetDatabase().KeyExistsAsync(
            [DenyListKeys.DeniedToken(jti), DenyListKeys.SuspendedUser(userId)]);
        return present > 0;
    }
}
