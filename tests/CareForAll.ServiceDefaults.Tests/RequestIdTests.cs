using System.Net;
using CareForAll.ServiceDefaults.Tests.Support;
using Shouldly;

namespace CareForAll.ServiceDefaults.Tests;

[Collection(EndpointsAppGroup.Name)]
public sealed class RequestIdTests(EndpointsApp app)
{
    [Theory]
    [InlineData("abc-123_x.y:z")]
    [InlineData("0d9f4c1e-8b7a-4b7e-9a51-2b7f8a0c1d2e")]
    public async Task a_sane_request_id_is_echoed_and_put_into_meta(string id)
    {
        using var response = await SendAsync("/test/donation", id);

        response.Headers.GetValues("X-Request-Id").Single().ShouldBe(id);
        (await EndpointsApp.BodyOf(response)).GetProperty("meta").GetProperty("requestId").GetString().ShouldBe(id);
    }

    [Theory]
    [InlineData("has spaces")]
    [InlineData("semi;colon")]
    [InlineData("<script>")]
    public async Task an_unsafe_request_id_is_replaced_by_a_new_uuid(string id)
    {
        using var response = await SendAsync("/test/donation", id);

        var echoed = response.Headers.GetValues("X-Request-Id").Single();
        echoed.ShouldNotBe(id);
        Guid.TryParse(echoed, out _).ShouldBeTrue();
        (await EndpointsApp.BodyOf(response)).GetProperty("meta").GetProperty("requestId").GetString().ShouldBe(echoed);
    }

    [Fact]
    public async Task an_overlong_request_id_is_replaced()
    {
        var id = new string('a', 129);
        using var response = await SendAsync("/test/donation", id);

        Guid.TryParse(response.Headers.GetValues("X-Request-Id").Single(), out _).ShouldBeTrue();
    }

    [Fact]
    public async Task a_request_without_an_id_gets_a_new_uuid_on_errors_too()
    {
        using var response = await SendAsync("/no/such/route", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var echoed = response.Headers.GetValues("X-Request-Id").Single();
        Guid.TryParse(echoed, out _).ShouldBeTrue();
        (await EndpointsApp.BodyOf(response)).GetProperty("meta").GetProperty("requestId").GetString().ShouldBe(echoed);
    }

    [Fact]
    public async Task every_log_line_of_the_request_carries_the_id_in_its_scope()
    {
        var id = "log-scope-" + Guid.NewGuid().ToString("N");
        using var response = await SendAsync("/test/logs", id);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var line = app.Logs.Entries.Single(e => e.Message == "marker-line" && Equals(e.Scope.GetValueOrDefault("RequestId"), id));
        line.Scope["RequestId"].ShouldBe(id);
    }

    [Fact]
    public async Task the_id_is_forwarded_on_outgoing_http_client_calls()
    {
        var id = "forward-" + Guid.NewGuid().ToString("N");
        using var response = await SendAsync("/test/call-out", id);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Downstream.Requests
            .Where(r => r.Headers.TryGetValues("X-Request-Id", out var values) && values.Single() == id)
            .ShouldHaveSingleItem();
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (id is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Request-Id", id);
        }

        return await app.Client.SendAsync(request);
    }
}
