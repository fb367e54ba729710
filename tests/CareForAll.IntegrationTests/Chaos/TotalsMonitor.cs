using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CareForAll.IntegrationTests.Chaos;

/// <summary>
/// Reads every campaign's public totals about once a second for the whole run, as a campaign page would, and keeps
/// any moment a total went down: with no refund in the run, money shown must never move backwards.
/// </summary>
internal sealed class TotalsMonitor(HttpClient client, ChaosJournal journal, IReadOnlyList<Guid> campaigns)
{
    private readonly ConcurrentDictionary<Guid, decimal> _last = new();
    private readonly ConcurrentQueue<string> _decreases = new();

    public int Reads { get; private set; }

    /// <summary>Complete rounds over every campaign.</summary>
    public int Passes => Volatile.Read(ref _passes);

    private int _passes;

    public IReadOnlyList<string> Decreases => [.. _decreases];

    public async Task RunAsync(CancellationToken ct)
    {
        // A campaign page's pace: one round over every campaign a second.
        using var pace = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            foreach (var campaignId in campaigns)
            {
                var sent = journal.Now;
                int status;
                string? problem = null;
                decimal? raised = null;
                try
                {
                    using var response = await client.GetAsync($"/api/query/campaigns/{campaignId}/totals", ct);
                    status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        raised = (await response.Content.ReadFromJsonAsync<JsonNode>(ct))!["data"]!["raisedAmount"]!.GetValue<decimal>();
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                    problem = e.Message;
                }

                journal.Record(sent, "GET /api/query/campaigns/{id}/totals", status, problem);
                Reads++;
                if (raised is { } now)
                {
                    var before = _last.GetValueOrDefault(campaignId);
                    if (now < before)
                    {
                        _decreases.Enqueue($"{journal.Now.TotalSeconds:0.0}s campaign {campaignId}: {before} then {now}");
                    }

                    _last[campaignId] = Math.Max(before, now);
                }
            }

            Interlocked.Increment(ref _passes);
        }
        while (await NextRoundAsync(pace, ct));
    }

    private static async Task<bool> NextRoundAsync(PeriodicTimer pace, CancellationToken ct)
    {
        try
        {
            return await pace.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
