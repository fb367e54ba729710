using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using Polly;

namespace CareForAll.Payments.Pledges;

/// <summary>
/// Reads a pledge from the pledges service with the caller's own credentials (Authorization, X-Pledge-Token and
/// X-Forwarded-For forwarded), so pledges decides access exactly as for the donor; its 404 and 403 pass through.
/// </summary>
internal sealed class PledgesClient(HttpClient http)
{
    private const string ForwardedFor = "X-Forwarded-For";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public async Task<PledgeView> GetAsync(Guid pledgeId, HttpContext caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/pledges/{pledgeId}");
        var headers = caller.Request.Headers;
        if (headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (headers[GuestAccessTokens.PledgeTokenHeader].ToString() is { Length: > 0 } token)
        {
            request.Headers.TryAddWithoutValidation(GuestAccessTokens.PledgeTokenHeader, token);
        }

        var forwarded = headers[ForwardedFor].ToString();
        var clientAddress = caller.Connection.RemoteIpAddress?.ToString();
        if (forwarded.Length > 0 || clientAddress is not null)
        {
            request.Headers.TryAddWithoutValidation(ForwardedFor, forwarded.Length > 0 ? forwarded : clientAddress);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException
            || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw Unavailable();
        }

        using (response)
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    var envelope = await ReadAsync(response, ct);
                    return envelope?.Data is { Id: var id } pledge && id == pledgeId ? pledge : throw Unavailable();
                case HttpStatusCode.NotFound:
                    throw new ApiException(StatusCodes.Status404NotFound, "PLEDGE_NOT_FOUND", "No pledge has this id.");
                case HttpStatusCode.Forbidden:
                    throw new ApiException(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "You may not pay for this pledge.");
                case HttpStatusCode.Unauthorized:
                    throw new ApiException(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "Authentication is required.");
                default:
                    throw Unavailable();
            }
        }
    }

    private static async Task<PledgeEnvelope?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<PledgeEnvelope>(Json, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ApiException Unavailable() =>
        new(StatusCodes.Status503ServiceUnavailable, "PLEDGES_UNAVAILABLE", "The pledge could not be read; try again shortly.");
}
