using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CareForAll.Query.Data;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Query.Features.Rebuild;

/// <summary>
/// Reads the owners' internal snapshot routes page by page (keyset by id), with the admin's own token and client
/// details passed on: the owners check the admin themselves.
/// </summary>
internal sealed class HttpSnapshotSource(IHttpClientFactory clients, RebuildOptions options, SnapshotCaller caller) : ISnapshotSource
{
    public const string CampaignsClient = "campaigns";
    public const string PledgesClient = "pledges";

    public IAsyncEnumerable<IReadOnlyList<CampaignSnapshot>> CampaignsAsync(CancellationToken ct) =>
        PagesAsync<CampaignSnapshot>(CampaignsClient, "internal/campaigns/snapshot", c => c.Key, ct);

    public IAsyncEnumerable<IReadOnlyList<PledgeSnapshot>> PledgesAsync(CancellationToken ct) =>
        PagesAsync<PledgeSnapshot>(PledgesClient, "internal/pledges/snapshot", p => p.PledgeId, ct);

    private async IAsyncEnumerable<IReadOnlyList<T>> PagesAsync<T>(
        string service, string path, Func<T, Guid> idOf, [EnumeratorCancellation] CancellationToken ct)
    {
        var http = clients.CreateClient(service);
        string? after = null;
        while (true)
        {
            var query = after is null ? $"?limit={options.PageSize}" : $"?after={after}&limit={options.PageSize}";
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path + query, UriKind.Relative));
            caller.ApplyTo(request.Headers);
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new ApiException(
                    StatusCodes.Status502BadGateway, "SNAPSHOT_UNAVAILABLE", $"{service} did not give its snapshot.",
                    new { service, status = (int)response.StatusCode });
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            var root = document.RootElement;
            var items = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
                ? data.Deserialize<List<T>>(QueryJson.Options) ?? []
                : throw new ApiException(StatusCodes.Status502BadGateway, "SNAPSHOT_UNAVAILABLE", $"{service}'s snapshot has no data.");
            yield return items;

            // meta.next names where the next page starts (null at the end); without it, a full page means "go on".
            after = root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                    && meta.TryGetProperty("next", out var next)
                ? next.ValueKind == JsonValueKind.String ? next.GetString() : null
                : items.Count >= options.PageSize ? idOf(items[^1]).ToString() : null;
            if (after is null || items.Count == 0)
            {
                yield break;
            }
        }
    }
}

/// <summary>The admin's request details a rebuild passes on to the owners.</summary>
internal sealed record SnapshotCaller(string? Authorization, string? ForwardedFor, string? UserAgent)
{
    public static SnapshotCaller From(HttpContext context) => new(
        context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
        context.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded
            ? forwarded
            : context.Connection.RemoteIpAddress?.ToString(),
        context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);

    public void ApplyTo(HttpRequestHeaders headers)
    {
        if (Authorization is not null && AuthenticationHeaderValue.TryParse(Authorization, out var parsed))
        {
            headers.Authorization = parsed;
        }

        if (ForwardedFor is not null)
        {
            headers.TryAddWithoutValidation("X-Forwarded-For", ForwardedFor);
        }

        if (UserAgent is not null)
        {
            headers.TryAddWithoutValidation("User-Agent", UserAgent);
        }
    }
}
