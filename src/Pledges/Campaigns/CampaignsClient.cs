using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Polly;

namespace CareForAll.Pledges.Campaigns;

/// <summary>
/// Asks campaigns about one campaign (<c>GET /api/campaigns/{id}</c>, anonymous). The standard resilience handler
/// from the service defaults retries and times out; what still fails is reported as <see cref="CampaignsUnavailableException"/>.
/// </summary>
internal sealed class CampaignsClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The campaign's status, or null when campaigns does not know it (a draft is unknown to strangers).</summary>
    public async Task<CampaignSnapshot?> FindAsync(Guid campaignId, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri($"api/campaigns/{campaignId}", UriKind.Relative), ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new CampaignsUnavailableException("campaigns did not answer", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new CampaignsUnavailableException($"campaigns answered {(int)response.StatusCode}");
            }

            CampaignEnvelope? envelope;
            try
            {
                envelope = await response.Content.ReadFromJsonAsync<CampaignEnvelope>(Json, ct);
            }
            catch (JsonException ex)
            {
                throw new CampaignsUnavailableException("campaigns answered something that is not JSON", ex);
            }

            var status = envelope?.Data?.Status;
            return string.IsNullOrWhiteSpace(status)
                ? throw new CampaignsUnavailableException("campaigns' answer has no status")
                : new CampaignSnapshot(status.Trim().ToLowerInvariant(), envelope!.Data!.Version);
        }
    }

    private sealed record CampaignEnvelope(CampaignData? Data);

    private sealed record CampaignData(string? Status, long? Version);
}
