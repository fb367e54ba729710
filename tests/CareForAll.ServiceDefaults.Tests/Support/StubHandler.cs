using System.Collections.Concurrent;
using System.Net;

namespace CareForAll.ServiceDefaults.Tests.Support;

/// <summary>Answers every request with a fixed body and remembers what was asked.</summary>
internal sealed class StubHandler(Func<string> body) : HttpMessageHandler
{
    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public int Calls => Requests.Count;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body()) });
    }
}
