using System.Net;
using System.Text.Json.Nodes;
using CareForAll.IntegrationTests.Donations;

namespace CareForAll.IntegrationTests.ReadSide;

/// <summary>The query service's read models as a client reads them through the gateway, beside the figures they must agree with.</summary>
internal sealed class ReadModels(PlatformFixture platform, DonationDriver driver)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(150);

    public sealed record Totals(decimal Raised, int DonorCount, int DonationCount, long Version);

    public async Task<Totals> TotalsAsync(Guid campaignId, CancellationToken ct)
    {
        var (status, body, _) = await Api.SendAsync(driver.NewClient(), HttpMethod.Get, $"/api/query/campaigns/{campaignId}/totals", cancellationToken: ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return ToTotals(body["data"]!);
    }

    public static Totals ToTotals(JsonNode data) => new(
        data["raisedAmount"]!.GetValue<decimal>(),
        data["donorCount"]!.GetValue<int>(),
        data["donationCount"]!.GetValue<int>(),
        data["version"]?.GetValue<long>() ?? 0);

    /// <summary>Waits until the read side has heard of the campaign (its totals answer), before any money arrives.</summary>
    public Task WaitForCampaignAsync(Guid campaignId, CancellationToken ct) =>
        Eventually.UntilAsync(async () =>
        {
            var (status, _, _) = await Api.SendAsync(driver.NewClient(), HttpMethod.Get, $"/api/query/campaigns/{campaignId}/totals", cancellationToken: ct);
            return status == HttpStatusCode.OK;
        }, DonationDriver.Deadline, $"the read side knows campaign {campaignId}", Poll);

    public Task WaitForTotalsAsync(Guid campaignId, decimal raised, int donations, CancellationToken ct) =>
        Eventually.UntilAsync(async () =>
        {
            var totals = await TotalsAsync(campaignId, ct);
            return totals.Raised == raised && totals.DonationCount == donations;
        }, DonationDriver.Deadline, $"campaign {campaignId} totals showed {raised} from {donations} donations", Poll);

    /// <summary>Every entry of the campaign's donor wall, all pages.</summary>
    public async Task<(List<JsonNode> Items, string Raw)> DonorWallAsync(Guid campaignId, CancellationToken ct) =>
        await AllPagesAsync($"/api/query/campaigns/{campaignId}/donations", null, ct);

    public async Task<(List<JsonNode> Items, string Raw)> AllPagesAsync(string path, string? accessToken, CancellationToken ct, Action<HttpRequestMessage>? decorate = null)
    {
        var items = new List<JsonNode>();
        var raw = new System.Text.StringBuilder();
        for (var page = 1; ; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{path}{(path.Contains('?') ? '&' : '?')}page={page}&limit=2");
            DonationDriver.Authorize(request, accessToken, null);
            decorate?.Invoke(request);
            using var response = await driver.NewClient().SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            raw.Append(text);
            var body = JsonNode.Parse(text)!;
            items.AddRange(body["data"]!.AsArray().Select(i => i!));
            if (page >= body["pagination"]!["totalPages"]!.GetValue<int>())
            {
                return (items, raw.ToString());
            }
        }
    }

    /// <summary>What campaigns itself counted for the campaign (its own <c>current_amount</c>).</summary>
    public async Task<decimal> CampaignsCurrentAmountAsync(Guid campaignId, CancellationToken ct) =>
        await driver.RaisedAsync(campaignId, ct);

    /// <summary>The sum of the campaign's completed pledges, read from pledges' own database.</summary>
    public async Task<decimal> CompletedPledgesAsync(Guid campaignId, CancellationToken ct) =>
        await platform.ScalarAsync<decimal>("pledgesdb",
            "SELECT COALESCE(SUM(amount), 0) FROM pledges.pledges WHERE campaign_id = @campaignId AND status = 'completed'",
            new { campaignId }, ct);

    public async Task<JsonNode> PlatformStatisticsAsync(CancellationToken ct)
    {
        var (status, body, _) = await Api.SendAsync(driver.NewClient(), HttpMethod.Get, "/api/query/statistics/platform", cancellationToken: ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body["data"]!;
    }
}
