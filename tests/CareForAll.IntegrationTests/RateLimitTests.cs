using System.Net;

namespace CareForAll.IntegrationTests;

[Collection(SharedPlatform.Name)]
public sealed class RateLimitTests(PlatformFixture platform)
{
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task the_sixth_login_in_a_minute_from_one_address_answers_429_with_retry_after()
    {
        using var attacker = platform.CreateGatewayClient(IPAddress.Parse("127.0.20.1"));
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var (status, _, _) = await Api.SendAsync(attacker, HttpMethod.Post, "/api/auth/login",
                new { email = "someone@example.org", password = $"guess-{attempt}-password" }, cancellationToken: _ct);
            status.ShouldBe(HttpStatusCode.Unauthorized, $"attempt {attempt}");
        }

        var (limited, body, response) = await Api.SendAsync(attacker, HttpMethod.Post, "/api/auth/login",
            new { email = "someone@example.org", password = "guess-6-password" }, cancellationToken: _ct);
        limited.ShouldBe(HttpStatusCode.TooManyRequests);
        body["success"]!.GetValue<bool>().ShouldBeFalse();
        Api.ErrorCode(body).ShouldBe("RATE_LIMITED");
        response.Headers.RetryAfter.ShouldNotBeNull();

        // Another address is not punished for the first one's guesses.
        using var donor = platform.CreateGatewayClient(IPAddress.Parse("127.0.20.2"));
        var (other, _, _) = await Api.SendAsync(donor, HttpMethod.Post, "/api/auth/login",
            new { email = "someone@example.org", password = "guess-7-password" }, cancellationToken: _ct);
        other.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
