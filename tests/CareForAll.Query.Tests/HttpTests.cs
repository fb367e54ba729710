using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareForAll.Query.Tests;

/// <summary>
/// The service as it runs, twice (two replicas sharing one database and one Redis), through HTTP: routes, the
/// envelope around the cached body, errors, and a live stream on one replica hearing a change whichever replica
/// applied it. Events are recorded straight into the database, as the consumer would after a delivery.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class HttpTests(PostgresServer postgres, RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private QueryDatabase _db = null!;
    private readonly List<WebApplicationFactory<Program>> _replicas = [];

    public async Task InitializeAsync()
    {
        _db = await QueryDatabase.CreateAsync(postgres);
        for (var i = 0; i < 2; i++)
        {
            _replicas.Add(new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
                .UseSetting("ConnectionStrings:querydb", _db.DataSource.ConnectionString)
                .UseSetting("ConnectionStrings:redis", redis.ConnectionString)
                // No broker: the consumer keeps retrying quietly; these tests record events themselves.
                .UseSetting("ConnectionStrings:rabbitmq", "amqp://guest:guest@127.0.0.1:1/")
                .UseSetting("Auth:GuestTokenKey", "test-guest-token-key-that-is-long-enough-0123456789")
                .UseSetting("Query:Live:HeartbeatInterval", "00:00:01")
                .UseSetting("Logging:LogLevel:Default", "Warning")));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        await _db.DisposeAsync();

        // FastEndpoints keeps the last application's services in a static; the endpoint tests that run after this
        // class need their own unit-test services again, not a disposed application's.
        typeof(FastEndpoints.IServiceResolver).Assembly.GetType("FastEndpoints.ServiceResolver")!
            .GetField("_instance", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!
            .SetValue(null, null);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task totals_flow_to_every_replica_and_to_a_live_stream_on_either_of_them()
    {
        var side = new ReadSide(_db);
        var campaign = Guid.NewGuid();
        var first = _replicas[0].CreateClient();
        var second = _replicas[1].CreateClient();
        await side.CampaignAsync(campaign, version: 2, goal: 2000m);
        await side.CompletedAsync(Guid.NewGuid(), campaign, 500m, Guid.NewGuid());

        foreach (var client in new[] { first, second })
        {
            await Eventually.UntilAsync(async () =>
            {
                using var response = await client.GetAsync(new Uri($"/api/query/campaigns/{campaign}/totals", UriKind.Relative));
                return response.StatusCode == HttpStatusCode.OK
                    && (await BodyAsync(response)).GetProperty("data").GetProperty("raisedAmount").GetDecimal() == 500m;
            }, TimeSpan.FromSeconds(20), "the totals never reached a replica", TimeSpan.FromMilliseconds(100));
        }

        using (var totals = await second.GetAsync(new Uri($"/api/query/campaigns/{campaign}/totals", UriKind.Relative)))
        {
            var body = await BodyAsync(totals);
            body.GetProperty("success").GetBoolean().ShouldBeTrue();
            body.GetProperty("data").GetProperty("progressPercentage").GetDecimal().ShouldBe(25m);
            body.GetProperty("meta").GetProperty("requestId").GetString().ShouldNotBeNullOrEmpty();
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/query/campaigns/{campaign}/live", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var live = await second.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        live.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await live.Content.ReadAsStreamAsync());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        async Task<(long Id, JsonElement Data)> NextTotalsAsync()
        {
            long id = 0;
            while (await reader.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    return (id, JsonDocument.Parse(line[6..]).RootElement.Clone());
                }
            }

            throw new InvalidOperationException("the stream ended");
        }

        var initial = await NextTotalsAsync();
        initial.Data.GetProperty("raisedAmount").GetDecimal().ShouldBe(500m);

        await side.CompletedAsync(Guid.NewGuid(), campaign, 250m, Guid.NewGuid());
        var pushed = await NextTotalsAsync();
        pushed.Data.GetProperty("raisedAmount").GetDecimal().ShouldBe(750m);
        pushed.Data.GetProperty("donorCount").GetInt32().ShouldBe(2);
        pushed.Id.ShouldBeGreaterThan(initial.Id);
    }

    [Fact]
    public async Task errors_come_in_the_envelope_and_protected_routes_need_a_token()
    {
        var client = _replicas[0].CreateClient();

        using (var unknown = await client.GetAsync(new Uri($"/api/query/campaigns/{Guid.NewGuid()}/totals", UriKind.Relative)))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await BodyAsync(unknown)).GetProperty("error").GetProperty("code").GetString().ShouldBe("CAMPAIGN_NOT_FOUND");
        }

        using (var invalid = await client.GetAsync(new Uri("/api/query/campaigns/top?by=donors&limit=500", UriKind.Relative)))
        {
            invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var error = (await BodyAsync(invalid)).GetProperty("error");
            error.GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
            error.GetProperty("details").EnumerateObject().Select(f => f.Name).ShouldBe(["by", "limit"], ignoreOrder: true);
        }

        using (var top = await client.GetAsync(new Uri("/api/query/campaigns/top?by=progress", UriKind.Relative)))
        {
            top.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await BodyAsync(top)).GetProperty("data").ValueKind.ShouldBe(JsonValueKind.Array);
        }

        using (var platform = await client.GetAsync(new Uri("/api/query/statistics/platform", UriKind.Relative)))
        {
            platform.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await BodyAsync(platform)).GetProperty("data").GetProperty("currency").GetString().ShouldBe("BDT");
        }

        using (var guest = await client.GetAsync(new Uri("/api/query/guests/donations", UriKind.Relative)))
        {
            guest.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await BodyAsync(guest)).GetProperty("error").GetProperty("code").GetString().ShouldBe("INVALID_HISTORY_LINK");
        }

        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, $"/api/query/users/{Guid.NewGuid()}/donations"),
                     (HttpMethod.Get, $"/api/query/users/{Guid.NewGuid()}/statistics"),
                     (HttpMethod.Get, "/internal/statistics/dashboard"),
                     (HttpMethod.Post, "/internal/read-models/rebuild"),
                 })
        {
            using var refused = await client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)));
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
        }
    }
}
