using System.Net;
using System.Net.Http.Json;
using CareForAll.BuildingBlocks.Idempotency;
using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareForAll.BuildingBlocks.Tests.Idempotency;

[Collection(PostgresGroup.Name)]
public sealed class IdempotencyTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    NpgsqlDataSource _dataSource = null!;
    WebApplication _app = null!;
    HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _dataSource = await TestDatabase.CreateMigratedAsync(server);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(_dataSource);
        builder.Services.AddSingleton<TestFailures>();
        builder.Services.AddSingleton<Hold>();
        builder.Services.AddOptions<IdempotencyKeyOptions>();
        builder.Services.AddAuthorization();
        builder.Services.AddFastEndpoints(o =>
        {
            o.DisableAutoDiscovery = true;
            o.Assemblies = [typeof(TestPledgeEndpoint).Assembly];
        });
        _app = builder.Build();
        _app.UseAuthorization();
        _app.UseFastEndpoints();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public void Dispose() => _client.Dispose();

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    Task<HttpResponseMessage> PostAsync(string? key, TestPledgeRequest body, string header = IdempotencyHeaders.Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/test/pledges") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add(header, key);
        }

        return _client.SendAsync(request);
    }

    Task<long> EffectsAsync() => TestDatabase.CountAsync(_dataSource, "SELECT count(*) FROM test_effects");

    [Fact]
    public async Task ten_concurrent_requests_with_one_key_make_exactly_one_effect()
    {
        var key = Guid.NewGuid().ToString();
        var body = new TestPledgeRequest("campaign-1", 1500m, Hold: true);
        var hold = _app.Services.GetRequiredService<Hold>();
        hold.Close();

        var requests = Enumerable.Range(0, 10).Select(_ => PostAsync(key, body)).ToArray();

        // While the first request holds the key, each of the other nine is answered at once.
        await Eventually.UntilAsync(
            () => Task.FromResult(requests.Count(r => r.IsCompleted) >= 9),
            TimeSpan.FromSeconds(30),
            "requests with a key in use waited instead of being answered 409");

        hold.Open();
        var responses = await Task.WhenAll(requests);

        (await EffectsAsync()).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(9);
        var success = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        success.Headers.Contains(IdempotencyHeaders.Replayed).ShouldBeFalse();
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            conflict.Headers.RetryAfter.ShouldNotBeNull();
            (await conflict.Content.ReadAsStringAsync()).ShouldContain(IdempotencyErrors.KeyInUse);
        }

        // Once the first has finished, the same request is its stored answer again.
        using var replay = await PostAsync(key, body);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        replay.Headers.GetValues(IdempotencyHeaders.Replayed).ShouldBe(["true"]);
        (await replay.Content.ReadAsStringAsync()).ShouldBe(await success.Content.ReadAsStringAsync());
        (await EffectsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task the_same_key_and_body_again_gets_the_stored_answer_marked_replayed()
    {
        var key = Guid.NewGuid().ToString();
        var body = new TestPledgeRequest("campaign-2", 250.75m);

        using var first = await PostAsync(key, body);
        using var second = await PostAsync(key, body, IdempotencyHeaders.LegacyKey);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Contains(IdempotencyHeaders.Replayed).ShouldBeFalse();
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.GetValues(IdempotencyHeaders.Replayed).ShouldBe(["true"]);
        second.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await first.Content.ReadFromJsonAsync<TestPledgeResponse>())!.Amount.ShouldBe(250.75m);
        (await EffectsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task the_same_key_with_another_body_is_refused_with_422()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(key, new TestPledgeRequest("campaign-3", 100m));
        using var other = await PostAsync(key, new TestPledgeRequest("campaign-3", 999m));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await other.Content.ReadAsStringAsync()).ShouldContain(IdempotencyErrors.KeyReused);
        (await EffectsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task requests_without_a_key_each_take_effect()
    {
        var body = new TestPledgeRequest("campaign-4", 10m);
        using var first = await PostAsync(null, body);
        using var second = await PostAsync(null, body);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EffectsAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task a_failed_request_keeps_no_effect_and_frees_its_key_for_the_retry()
    {
        _app.Services.GetRequiredService<TestFailures>().FailNext(1);
        var key = Guid.NewGuid().ToString();
        var body = new TestPledgeRequest("campaign-5", 42m);

        using var failed = await PostAsync(key, body);
        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await EffectsAsync()).ShouldBe(0);
        (await TestDatabase.CountAsync(_dataSource, "SELECT count(*) FROM idempotency_keys")).ShouldBe(0);

        using var retried = await PostAsync(key, body);
        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        retried.Headers.Contains(IdempotencyHeaders.Replayed).ShouldBeFalse();
        (await EffectsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task an_overlong_key_is_a_validation_error()
    {
        using var response = await PostAsync(new string('k', 300), new TestPledgeRequest("campaign-6", 1m));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("idempotencyKey");
        (await EffectsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task an_expired_key_runs_the_request_again()
    {
        var key = Guid.NewGuid().ToString();
        var body = new TestPledgeRequest("campaign-7", 5m);
        using var first = await PostAsync(key, body);
        await using (var expire = _dataSource.CreateCommand("UPDATE idempotency_keys SET expires_at = now() - interval '1 second'"))
        {
            await expire.ExecuteNonQueryAsync();
        }

        using var second = await PostAsync(key, body);

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.Contains(IdempotencyHeaders.Replayed).ShouldBeFalse();
        (await EffectsAsync()).ShouldBe(2);
        (await TestDatabase.CountAsync(_dataSource, "SELECT count(*) FROM idempotency_keys WHERE expires_at > now()")).ShouldBe(1);
    }
}
