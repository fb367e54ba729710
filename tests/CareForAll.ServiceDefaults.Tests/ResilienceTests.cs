using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shouldly;

namespace CareForAll.ServiceDefaults.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task a_failed_read_is_retried_but_a_failed_post_is_not_sent_twice()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        var downstream = new FailsOnceHandler();
        builder.Services.AddHttpClient("downstream").ConfigurePrimaryHttpMessageHandler(() => downstream);
        using var host = builder.Build();
        using var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("downstream");

        using (var post = await client.PostAsync(new Uri("http://downstream.test/refunds"), new StringContent("{}")))
        {
            post.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }

        downstream.Calls.ShouldBe(1);

        downstream.Reset();
        using (var get = await client.GetAsync(new Uri("http://downstream.test/refunds/1")))
        {
            get.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        downstream.Calls.ShouldBe(2);
    }

    /// <summary>Answers 503 to the first request after a reset, 200 afterwards.</summary>
    private sealed class FailsOnceHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        public void Reset() => _calls = 0;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(Interlocked.Increment(ref _calls) == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK));
    }
}
