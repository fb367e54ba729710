using System.Net;
using System.Text.Json;
using FastEndpoints;
using Microsoft.AspNetCore.Routing;

namespace CareForAll.Admin.Tests;

/// <summary>
/// Every route the service maps, found by asking the running host rather than listed here, so a route added later
/// is checked too: admins only.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class AuthorizationTests(PostgresServer server) : IAsyncLifetime
{
    private AdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminHost.StartAsync(await AdminDatabase.CreateAsync(server));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _host.Database.DisposeAsync();
    }

    private IReadOnlyList<(string Method, string Path)> Routes() =>
    [
        .. _host.Routes.SelectMany(route => route.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
            .Select(method => (method, "/" + route.RoutePattern.RawText!.TrimStart('/').Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)))),
    ];

    // Whatever a route would read, so only authorization can stand in the way.
    private static object? Body(string method) => method == "GET" ? null : new { reason = "x", status = "active" };

    [Fact]
    public void every_endpoint_of_the_service_is_mapped_under_api_admin()
    {
        var endpointTypes = typeof(AdminMetrics).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(BaseEndpoint).IsAssignableFrom(t))
            .ToList();

        var routes = Routes();

        routes.Count.ShouldBe(endpointTypes.Count);
        routes.Count.ShouldBeGreaterThanOrEqualTo(14);
        routes.ShouldAllBe(route => route.Path.StartsWith("/api/admin/", StringComparison.Ordinal));
        routes.Select(r => r.Path.Split('/')[3]).Distinct().ShouldBe(
            ["audit-logs", "campaigns", "dashboard", "notifications", "payments", "read-models", "users"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_user_who_is_not_an_admin_gets_403_on_every_route()
    {
        var userToken = _host.Token(Guid.NewGuid(), role: "USER");

        foreach (var (method, path) in Routes())
        {
            var response = await _host.SendAsync(new HttpMethod(method), path, userToken, body: Body(method));

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {path}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            body.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("FORBIDDEN", $"{method} {path}");
        }

        _host.Owners.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task nobody_signed_in_gets_401_on_every_route()
    {
        foreach (var (method, path) in Routes())
        {
            var response = await _host.SendAsync(new HttpMethod(method), path, bearer: null, body: Body(method));

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {path}");
        }

        _host.Owners.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task an_admin_gets_through_on_every_route()
    {
        foreach (var (method, path) in Routes())
        {
            var response = await _host.SendAsync(new HttpMethod(method), path, _host.AdminToken, body: Body(method));

            response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized, $"{method} {path}");
            response.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden, $"{method} {path}");
        }
    }
}
