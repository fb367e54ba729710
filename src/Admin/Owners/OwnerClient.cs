using System.Net.Http.Json;
using System.Text.Json;
using CareForAll.BuildingBlocks.Idempotency;
using CareForAll.ServiceDefaults.Auth;
using Polly;

namespace CareForAll.Admin.Owners;

/// <summary>
/// Calls an owning service as the admin: the admin's <c>Authorization</c> goes along (the owner checks the role and
/// names the admin in its event), with the end client's address in <c>X-Forwarded-For</c> and their
/// <c>User-Agent</c>, so the owner's event, and so the audit log, records the admin's client rather than this service.
/// </summary>
internal sealed class OwnerClient(IHttpClientFactory clients, AdminMetrics metrics, ILogger<OwnerClient> logger)
{
    private const string ForwardedFor = "X-Forwarded-For";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] RelayedHeaderNames = ["Retry-After", IdempotencyHeaders.Replayed];

    /// <summary>Sends <paramref name="call"/>; never throws for an owner that is down or slow, but says so in the answer.</summary>
    /// <param name="call">What to ask.</param>
    /// <param name="caller">The admin's request, whose credentials and client details are forwarded.</param>
    /// <param name="timeout">A bound of the caller's own (the dashboard's per-part wait), beside the client's.</param>
    /// <param name="ct">The admin's request being aborted.</param>
    public async Task<OwnerAnswer> SendAsync(OwnerCall call, HttpContext caller, CancellationToken ct, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(caller);

        using var request = new HttpRequestMessage(call.Method, call.Path.TrimStart('/'));
        Forward(request, caller, call.ForwardIdempotencyKey);
        request.Options.Set(OwnerCall.NoRetry, !call.Retry);
        if (call.Body is not null)
        {
            request.Content = JsonContent.Create(call.Body, call.Body.GetType(), options: Json);
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (timeout is { } limit)
        {
            bounded.CancelAfter(limit);
        }

        var token = bounded.Token;
        try
        {
            using var response = await clients.CreateClient(call.Service).SendAsync(request, token);
            var body = await response.Content.ReadAsByteArrayAsync(token);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in RelayedHeaderNames)
            {
                if (response.Headers.TryGetValues(name, out var values))
                {
                    headers[name] = string.Join(',', values);
                }
            }

            return OwnerAnswer.From(call.OwnerName, (int)response.StatusCode, body, response.Content.Headers.ContentType?.ToString(), headers);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested
            && ex is HttpRequestException or ExecutionRejectedException or OperationCanceledException)
        {
            // What admins read stays plain; the log keeps the detail.
            var failure = ex switch
            {
                OperationCanceledException or Polly.Timeout.TimeoutRejectedException => "did not answer in time",
                Polly.CircuitBreaker.BrokenCircuitException => "is failing; calls to it are paused for a moment",
                _ => "could not be reached",
            };
            metrics.OwnerUnanswered(call.OwnerName);
            logger.OwnerUnanswered(call.OwnerName, call.Method.Method, call.Path, $"{failure} ({ex.Message})");
            return OwnerAnswer.None(call.OwnerName, failure);
        }
    }

    private static void Forward(HttpRequestMessage request, HttpContext caller, bool idempotencyKey)
    {
        var headers = caller.Request.Headers;
        if (headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        // The end client as the owner's Actor.From would read it here: the first X-Forwarded-For hop, else the socket.
        var actor = Actor.From(caller);
        if (actor.ClientAddress is { Length: > 0 } client)
        {
            request.Headers.TryAddWithoutValidation(ForwardedFor, client);
        }

        if (actor.UserAgent is { Length: > 0 } agent)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", agent);
        }

        if (!idempotencyKey)
        {
            return;
        }

        foreach (var name in new[] { IdempotencyHeaders.Key, IdempotencyHeaders.LegacyKey })
        {
            if (headers[name].ToString() is { Length: > 0 } key)
            {
                request.Headers.TryAddWithoutValidation(name, key);
            }
        }
    }
}
