using System.Net;
using System.Text;
using CareForAll.Query.Features.Rebuild;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Query.Tests;

/// <summary>The rebuild's client of the owners' snapshot routes (keyset pages, <c>meta.next</c>), without the owners.</summary>
public sealed class SnapshotClientTests
{
    private sealed class Owner(Func<HttpRequestMessage, string> answer) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(answer(request), Encoding.UTF8, "application/json"),
            });
        }
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { BaseAddress = new Uri($"http://{name}/") };
    }

    [Fact]
    public async Task pages_are_walked_with_meta_next_and_the_admins_token_is_passed_on()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var owner = new Owner(request => request.RequestUri!.Query.Contains($"after={first}", StringComparison.Ordinal)
            ? $$$"""{"success":true,"data":[{"pledgeId":"{{{second}}}","campaignId":"{{{Guid.NewGuid()}}}","donorEmail":"a@example.org","isAnonymous":false,"amount":10.50,"currency":"BDT","status":"refunded","previousStatus":"completed","occurredAt":"2025-11-21T06:00:00Z","version":5,"completedAt":"2025-11-20T06:00:00Z","wasCompleted":true}],"meta":{"timestamp":"2025-11-21T06:00:00Z","requestId":"r2","next":null}}"""
            : $$$"""{"success":true,"data":[{"pledgeId":"{{{first}}}","campaignId":"{{{Guid.NewGuid()}}}","userId":"{{{Guid.NewGuid()}}}","donorEmail":"b@example.org","isAnonymous":true,"amount":99,"currency":"BDT","status":"completed","previousStatus":"payment_initiated","occurredAt":"2025-11-21T06:00:00Z","version":3,"completedAt":"2025-11-21T06:00:00Z","wasCompleted":true}],"meta":{"timestamp":"2025-11-21T06:00:00Z","requestId":"r1","next":"{{{first}}}"}}""");
        var source = new HttpSnapshotSource(new Clients(owner), new RebuildOptions { PageSize = 1 },
            new SnapshotCaller("Bearer admin-token", "203.0.113.7", "admin-console"));

        var pages = new List<IReadOnlyList<PledgeSnapshot>>();
        await foreach (var page in source.PledgesAsync(CancellationToken.None))
        {
            pages.Add(page);
        }

        pages.SelectMany(p => p).Select(p => p.PledgeId).ShouldBe([first, second]);
        var refunded = pages[1].ShouldHaveSingleItem();
        (refunded.WasCompleted, refunded.Amount, refunded.CompletedAt).ShouldBe((true, 10.50m, DateTimeOffset.Parse("2025-11-20T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        owner.Requests.Count.ShouldBe(2);
        owner.Requests.ShouldAllBe(r => r.RequestUri!.AbsolutePath == "/internal/pledges/snapshot");
        owner.Requests[0].RequestUri!.Query.ShouldBe("?limit=1");
        owner.Requests.ShouldAllBe(r => r.Headers.Authorization!.ToString() == "Bearer admin-token");
        owner.Requests.ShouldAllBe(r => r.Headers.GetValues("X-Forwarded-For").Single() == "203.0.113.7");
    }

    [Fact]
    public async Task an_owner_refusing_the_snapshot_fails_the_rebuild_with_502()
    {
        var source = new HttpSnapshotSource(new Clients(new Refusing()), new RebuildOptions(), new SnapshotCaller(null, null, null));

        var failure = await Should.ThrowAsync<ApiException>(async () =>
        {
            await foreach (var _ in source.CampaignsAsync(CancellationToken.None))
            {
            }
        });

        (failure.StatusCode, failure.Code).ShouldBe((502, "SNAPSHOT_UNAVAILABLE"));
    }

    private sealed class Refusing : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden));
    }
}
