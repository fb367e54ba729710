using System.Diagnostics;
using System.Net;

namespace CareForAll.IntegrationTests.Donations;

/// <summary>One donation is one trace on the dashboard, read back from what the services exported.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DonationTraceTests(PlatformFixture platform) : IDisposable
{
    private readonly DonationDriver _driver = new(platform, subnet: 44);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    [Fact]
    public async Task the_trace_started_by_the_pledge_holds_or_links_the_initiation_the_ipn_and_the_pledges_completion()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var client = _driver.NewClient();

        // The donate page starts one trace for the attempt and sends it with both of its requests.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var traceparent = $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        var pledgeId = await SendTracedAsync(client, "/api/pledges", new
        {
            campaignId, amount = 600m, currency = "BDT", donorEmail = Api.NewEmail("traced"), isAnonymous = false,
        }, traceparent, pledgeToken: null);
        var pledge = await DonationDriver.GetPledgeAsync(new Pledge(client, pledgeId.Id, 600m, pledgeId.GuestToken, null), _ct);
        pledge["status"].ShouldNotBeNull();
        var initiated = await SendTracedAsync(client, "/api/payments/initiate", new { pledgeId = pledgeId.Id }, traceparent, pledgeId.GuestToken);

        await _driver.PayAsync(new { tranId = initiated.TranId }, _ct);
        await DonationDriver.WaitForPledgeStatusAsync(new Pledge(client, pledgeId.Id, 600m, pledgeId.GuestToken, null), "completed", _ct);

        await Eventually.UntilAsync(() =>
            {
                var spans = platform.Traces.TraceWithLinked(traceId);
                return Task.FromResult(
                    spans.Any(s => s.Service == "pledges" && s.TraceId == traceId && s.Name.Contains("pledges", StringComparison.OrdinalIgnoreCase))
                    && spans.Any(s => s.Service == "payments" && s.TraceId == traceId && s.Name.Contains("initiate", StringComparison.OrdinalIgnoreCase))
                    && spans.Any(s => s.Service == "payments" && s.Name.Contains("ipn", StringComparison.OrdinalIgnoreCase))
                    && spans.Any(s => s.Service == "pledges" && s.Name == "payment.completed process")
                    && spans.Any(s => s.Service == "campaigns" && s.Name == "pledge.completed process"));
            },
            DonationDriver.Deadline, $"trace {traceId} holds or links the pledge, the initiation, the IPN and the completions",
            TimeSpan.FromMilliseconds(250));
    }

    private async Task<(Guid Id, string? GuestToken, string? TranId)> SendTracedAsync(
        HttpClient client, string path, object body, string traceparent, string? pledgeToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Add("traceparent", traceparent);
        DonationDriver.Authorize(request, null, pledgeToken);
        using var response = await client.SendAsync(request, _ct);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(_ct))!;
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToJsonString());
        var data = json["data"]!;
        return (
            Guid.Parse((data["paymentId"] ?? data["id"])!.GetValue<string>()),
            data["guestToken"]?.GetValue<string>(),
            data["tranId"]?.GetValue<string>());
    }

    public void Dispose() => _driver.Dispose();
}
