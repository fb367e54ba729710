using System.Collections.Concurrent;
using System.Net;

namespace CareForAll.ServiceDefaults.Tests.Support;

/// <summary>Answers every request with a fixed body and remembers what was asked.</summary>
internal sealed class StubHandler(Func<string> body) : HttpMessageHandler
{
    /// <summary>When set, every answer waits for it: a fetch still in flight while other requests arrive.</summary>
    public Task? Hold { get; set; }

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public int Calls => Requests.Count;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (Hold is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body()) };
    }
}
