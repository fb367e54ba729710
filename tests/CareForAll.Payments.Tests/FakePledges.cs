using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace CareForAll.Payments.Tests;

/// <summary>The pledges service's <c>GET /api/pledges/{id}</c>, answering in its envelope.</summary>
internal sealed class FakePledges : HttpMessageHandler
{
    private readonly ConcurrentDictionary<Guid, object> _pledges = new();

    public ConcurrentBag<HttpRequestMessage> Requests { get; } = [];

    public Guid Add(decimal amount = 500m, string status = "pending", Guid? userId = null, string? campaignStatus = "active")
    {
        var id = Guid.NewGuid();
        _pledges[id] = new
        {
            id,
            campaignId = Guid.NewGuid(),
            userId,
            donorEmail = "donor@example.org",
            donorName = "Rahim Uddin",
            isAnonymous = false,
            amount,
            currency = "BDT",
            status,
            message = (string?)null,
            campaignStatus,
            createdAt = DateTimeOffset.UtcNow,
        };
        return id;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var id = Guid.Parse(request.RequestUri!.AbsolutePath.Split('/')[^1]);
        var response = _pledges.TryGetValue(id, out var pledge)
            ? new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(JsonSerializer.Serialize(new { success = true, data = pledge, meta = new { } })),
            }
            : new HttpResponseMessage(HttpStatusCode.NotFound);
        return Task.FromResult(response);
    }
}
