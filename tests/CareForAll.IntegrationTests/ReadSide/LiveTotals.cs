using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace CareForAll.IntegrationTests.ReadSide;

/// <summary>
/// One subscriber of <c>GET /api/query/campaigns/:id/live</c> (server-sent events), as a browser's EventSource would
/// hold it: every <c>totals</c> event, stamped with when it arrived.
/// </summary>
internal sealed class LiveTotals : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(DateTimeOffset ReceivedAt, JsonNode Data)> _events = Channel.CreateUnbounded<(DateTimeOffset, JsonNode)>();
    private readonly Task _reader;
    private readonly System.Collections.Concurrent.ConcurrentQueue<JsonNode> _seen = new();

    private LiveTotals(HttpResponseMessage response)
    {
        _response = response;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Every totals event received so far, in order.</summary>
    public IReadOnlyCollection<JsonNode> Seen => _seen;

    public static async Task<LiveTotals> OpenAsync(HttpClient client, Guid campaignId, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/query/campaigns/{campaignId}/live");
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        return new LiveTotals(response);
    }

    /// <summary>The next totals event whose raised amount is <paramref name="raised"/>, skipping older ones.</summary>
    public async Task<(DateTimeOffset ReceivedAt, JsonNode Data)> WaitForRaisedAsync(decimal raised, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var next = await _events.Reader.ReadAsync(deadline.Token);
                if (next.Data["raisedAmount"]!.GetValue<decimal>() == raised)
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new ShouldAssertException($"no live totals event with {raised} raised within {timeout}");
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var stream = await _response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(stream);
            string? eventName = null;
            var data = new System.Text.StringBuilder();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (eventName == "totals" && data.Length > 0)
                    {
                        var totals = JsonNode.Parse(data.ToString())!;
                        _seen.Enqueue(totals);
                        await _events.Writer.WriteAsync((DateTimeOffset.UtcNow, totals), _stop.Token);
                    }

                    eventName = null;
                    data.Clear();
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    eventName = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(line["data:".Length..].TrimStart());
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }

        _stop.Dispose();
    }
}
