using System.Net;
using System.Net.Http.Headers;

namespace CareForAll.Identity.Tests;

/// <summary><c>user.suspended</c> and <c>user.reactivated</c> carry the actor object (with the role) beside the flat fields.</summary>
[Collection(PostgresGroup.Name)]
public sealed class SuspensionEventTests(PostgresServer server)
{
    private static Task<HttpResponseMessage> PostAsAdminAsync(IdentityHost host, string path, Guid adminId, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Token(adminId, "ADMIN"));
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.UserAgent.ParseAdd("admin-console/1.0");
        return host.Client.SendAsync(request);
    }

    [Fact]
    public async Task suspension_and_reactivation_events_name_the_admin_as_actor_and_keep_the_flat_fields()
    {
        await using var host = await IdentityHost.StartAsync(server);
        var userId = (await host.RegisterAsync("ann@example.org")).GetProperty("user").GetProperty("id").GetGuid();
        var adminId = Guid.NewGuid();

        (await PostAsAdminAsync(host, $"/internal/users/{userId}/suspend", adminId, new { reason = "Fraud report" })).StatusCode
            .ShouldBe(HttpStatusCode.OK);
        (await PostAsAdminAsync(host, $"/internal/users/{userId}/reactivate", adminId, new { reason = "Cleared" })).StatusCode
            .ShouldBe(HttpStatusCode.OK);

        foreach (var (type, reason) in new[] { ("user.suspended", "Fraud report"), ("user.reactivated", "Cleared") })
        {
            var (data, _) = (await host.EventsAsync(type, userId)).ShouldHaveSingleItem();
            data.GetProperty("reason").GetString().ShouldBe(reason);
            data.GetProperty("actorId").GetGuid().ShouldBe(adminId);
            data.GetProperty("clientAddress").GetString().ShouldBe("203.0.113.7");
            data.GetProperty("userAgent").GetString().ShouldBe("admin-console/1.0");
            var actor = data.GetProperty("actor");
            actor.EnumerateObject().Select(p => p.Name).ShouldBe(["actorId", "clientAddress", "userAgent", "role"], ignoreOrder: true);
            actor.GetProperty("actorId").GetGuid().ShouldBe(adminId);
            actor.GetProperty("clientAddress").GetString().ShouldBe("203.0.113.7");
            actor.GetProperty("userAgent").GetString().ShouldBe("admin-console/1.0");
            actor.GetProperty("role").GetString().ShouldBe("ADMIN");
        }
    }
}
