using System.Net;
using System.Text;

namespace CareForAll.Pledges.Tests;

/// <summary>Stands in for the campaigns service: answers each GET with what the test says, and counts the calls.</summary>
internal sealed class StubCampaigns(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public int Calls { get; private set; }

    public static HttpResponseMessage Campaign(string status, long? version = null) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(
            "{\"success\":true,\"data\":{\"id\":\"x\",\"title\":\"Surgery\",\"status\":\"" + status + "\""
                + (version is { } v ? ",\"version\":" + v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")
                + "},\"meta\":{}}",
            Encoding.UTF8,
            "application/json"),
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(answer(request));
    }
}
