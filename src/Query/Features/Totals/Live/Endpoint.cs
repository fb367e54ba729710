using System.Buffers;
using System.Globalization;
using System.Text;
using CareForAll.Query.Access;
using CareForAll.Query.Caching;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CareForAll.Query.Features.Totals.Live;

/// <summary>
/// Live totals as server-sent events: first the current totals, then every change, whichever replica applied it
/// (each replica hears every change through Redis pub/sub). <c>event: totals</c>, <c>id: &lt;version&gt;</c>, the totals
/// route's data as <c>data</c>; a comment every heartbeat interval keeps proxies from closing a quiet stream. Ends
/// when the client goes or the service stops. Anonymous.
/// </summary>
internal sealed class Endpoint(
    TotalsCache cache,
    LiveTotalsHub hub,
    QueryMetrics metrics,
    IHostApplicationLifetime lifetime,
    IOptions<LiveOptions> options) : EndpointWithoutRequest
{
    private static readonly byte[] Heartbeat = Encoding.UTF8.GetBytes(": heartbeat\n\n");

    public override void Configure()
    {
        Get("/api/query/campaigns/{id}/live");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        ThrowIfAnyErrors();

        // Subscribed before the first read, so a change landing in between is not missed (it is sent if newer).
        using var subscription = hub.Subscribe(id);
        var current = await cache.GetAsync(id, ct);
        if (!current.IsVisible)
        {
            throw QueryErrors.CampaignNotFound();
        }

        using var ended = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        var stream = ended.Token;
        var response = HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        // Proxies that buffer (nginx and friends) pass each event on at once.
        response.Headers["X-Accel-Buffering"] = "no";
        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        metrics.LiveSubscriberOpened();
        try
        {
            var retry = (long)options.Value.ReconnectDelay.TotalMilliseconds;
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"retry: {retry.ToString(CultureInfo.InvariantCulture)}\n\n"), stream);
            await WriteTotalsAsync(response, current, stream);
            var lastSent = current.Version;
            while (!stream.IsCancellationRequested)
            {
                var next = await NextAsync(subscription, options.Value.HeartbeatInterval, stream);
                switch (next)
                {
                    case { Quiet: true }:
                        await response.Body.WriteAsync(Heartbeat, stream);
                        await response.Body.FlushAsync(stream);
                        break;
                    case { Closed: true }:
                        return;
                    default:
                        // null: the memory was dropped (a rebuild, a reconnect): read the campaign again.
                        var totals = next.Totals ?? await cache.GetAsync(id, stream);
                        if (totals.IsVisible && totals.Version > lastSent)
                        {
                            await WriteTotalsAsync(response, totals, stream);
                            lastSent = totals.Version;
                        }

                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stream.IsCancellationRequested)
        {
            // The client went away or the service is stopping: the stream simply ends.
        }
        finally
        {
            metrics.LiveSubscriberClosed();
        }
    }

    private static async Task<Next> NextAsync(LiveSubscription subscription, TimeSpan heartbeat, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(heartbeat);
        try
        {
            if (!await subscription.Reader.WaitToReadAsync(wait.Token))
            {
                return new Next(Quiet: false, Closed: true, Totals: null);
            }

            return subscription.Reader.TryRead(out var totals)
                ? new Next(Quiet: false, Closed: false, Totals: totals)
                : new Next(Quiet: true, Closed: false, Totals: null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Next(Quiet: true, Closed: false, Totals: null);
        }
    }

    private static async Task WriteTotalsAsync(HttpResponse response, CachedTotals totals, CancellationToken ct)
    {
        var body = totals.Body!.Utf8;
        var writer = new ArrayBufferWriter<byte>(body.Length + 64);
        Encoding.UTF8.GetBytes($"event: totals\nid: {totals.Version.ToString(CultureInfo.InvariantCulture)}\ndata: ", writer);
        writer.Write(body.Span);
        writer.Write("\n\n"u8);
        await response.Body.WriteAsync(writer.WrittenMemory, ct);
        await response.Body.FlushAsync(ct);
    }

    /// <summary>What the stream does next: a heartbeat, end, or send (null totals: read them again).</summary>
    private readonly record struct Next(bool Quiet, bool Closed, CachedTotals? Totals);
}
