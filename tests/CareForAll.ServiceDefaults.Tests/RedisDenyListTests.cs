using System.Net;
using System.Net.Http.Headers;
using CareForAll.ServiceDefaults.Auth;
using CareForAll.ServiceDefaults.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace CareForAll.ServiceDefaults.Tests;

/// <summary>The deny-list against a real Redis, directly and as wired by AddCareForAllAuthentication.</summary>
public sealed class RedisDenyListTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task a_denied_token_is_stored_under_the_shared_key_until_it_expires()
    {
        var denyList = new RedisAccessTokenDenyList(redis.Connection, TimeProvider.System);
        var jti = Guid.NewGuid().ToString();

        await denyList.DenyTokenAsync(jti, DateTimeOffset.UtcNow.AddMinutes(10));

        var db = redis.Connection.GetDatabase();
        (await db.StringGetAsync($"careforall:auth:denied-jti:{jti}")).ToString().ShouldBe("1");
        var ttl = await db.KeyTimeToLiveAsync($"careforall:auth:denied-jti:{jti}");
        ttl.ShouldNotBeNull();
        ttl.Value.ShouldBe(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));
        (await denyList.IsRefusedAsync(jti, Guid.NewGuid())).ShouldBeTrue();
        (await denyList.IsRefusedAsync(Guid.NewGuid().ToString(), Guid.NewGuid())).ShouldBeFalse();
    }

    [Fact]
    public async Task an_already_expired_token_leaves_nothing_behind()
    {
        var denyList = new RedisAccessTokenDenyList(redis.Connection, TimeProvider.System);
        var jti = Guid.NewGuid().ToString();

        await denyList.DenyTokenAsync(jti, DateTimeOffset.UtcNow.AddMinutes(-1));

        (await redis.Connection.GetDatabase().KeyExistsAsync($"careforall:auth:denied-jti:{jti}")).ShouldBeFalse();
    }

    [Fact]
    public async Task suspension_has_no_expiry_and_reinstating_removes_it()
    {
        var denyList = new RedisAccessTokenDenyList(redis.Connection, TimeProvider.System);
        var userId = Guid.NewGuid();
        var key = $"careforall:auth:suspended:{userId:D}";

        await denyList.SuspendUserAsync(userId);
        (await redis.Connection.GetDatabase().StringGetAsync(key)).ToString().ShouldBe("1");
        (await redis.Connection.GetDatabase().KeyTimeToLiveAsync(key)).ShouldBeNull();
        (await denyList.IsRefusedAsync(Guid.NewGuid().ToString(), userId)).ShouldBeTrue();

        await denyList.ReinstateUserAsync(userId);
        (await denyList.IsRefusedAsync(Guid.NewGuid().ToString(), userId)).ShouldBeFalse();
    }

    [Fact]
    public async Task a_service_refuses_tokens_that_identity_put_on_the_redis_deny_list()
    {
        using var tokens = new TestTokens("redis-key");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Configuration["ConnectionStrings:redis"] = redis.ConnectionString;
        builder.AddServiceDefaults();
        builder.AddCareForAllAuthentication(_ => [tokens.Key]);
        await using var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapGet("/me", (HttpContext context) => context.User.UserId()).RequireAuthorization();
        await app.StartAsync();
        using var client = new HttpClient
        {
            BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        };

        var userId = Guid.NewGuid();
        var jti = Guid.NewGuid().ToString();
        var token = tokens.Create(userId, jti: jti);
        (await GetStatusAsync(client, token)).ShouldBe(HttpStatusCode.OK);

        await redis.Connection.GetDatabase().StringSetAsync($"careforall:auth:denied-jti:{jti}", "1", TimeSpan.FromMinutes(5));
        (await GetStatusAsync(client, token)).ShouldBe(HttpStatusCode.Unauthorized);

        var other = tokens.Create(userId);
        (await GetStatusAsync(client, other)).ShouldBe(HttpStatusCode.OK);
        await redis.Connection.GetDatabase().StringSetAsync($"careforall:auth:suspended:{userId:D}", "1");
        (await GetStatusAsync(client, other)).ShouldBe(HttpStatusCode.Unauthorized);

        await app.StopAsync();
    }

    private static async Task<HttpStatusCode> GetStatusAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/me", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
