using System.Net;
using System.Net.Http.Headers;
using CareForAll.ServiceDefaults.Auth;
using CareForAll.ServiceDefaults.Tests.Support;
using Microsoft.IdentityModel.Tokens;
using Shouldly;

namespace CareForAll.ServiceDefaults.Tests;

[Collection(EndpointsAppGroup.Name)]
public sealed class AuthenticationTests(EndpointsApp app)
{
    [Fact]
    public async Task a_valid_token_authenticates_the_user()
    {
        var userId = Guid.NewGuid();
        using var response = await GetAsync("/test/me", app.Tokens.Create(userId));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var data = (await EndpointsApp.BodyOf(response)).GetProperty("data");
        data.GetProperty("userId").GetGuid().ShouldBe(userId);
        data.GetProperty("isAdmin").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task no_token_is_a_401_envelope()
    {
        using var response = await GetAsync("/test/me", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await EndpointsApp.BodyOf(response)).GetProperty("error").GetProperty("code").GetString().ShouldBe("UNAUTHORIZED");
    }

    [Fact]
    public async Task a_token_signed_by_another_key_with_the_same_kid_is_refused()
    {
        using var response = await GetAsync("/test/me", app.ForeignTokens.Create());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task an_expired_token_is_refused()
    {
        using var response = await GetAsync("/test/me", app.Tokens.Create(expires: DateTime.UtcNow.AddMinutes(-5)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_token_for_another_audience_is_refused()
    {
        using var response = await GetAsync("/test/me", app.Tokens.Create(audience: "someone-else"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task an_unsigned_token_is_refused()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT","kid":"key-1"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"iss":"careforall-identity","aud":"careforall","sub":"{{Guid.NewGuid()}}","jti":"{{Guid.NewGuid()}}","role":"ADMIN","exp":{{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}""");
        using var response = await GetAsync("/test/me", $"{header}.{payload}.");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_denied_token_is_refused_at_once()
    {
        var jti = Guid.NewGuid().ToString();
        var token = app.Tokens.Create(jti: jti);
        using (var before = await GetAsync("/test/me", token))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await app.DenyList.DenyTokenAsync(jti, DateTimeOffset.UtcNow.AddMinutes(15));
        using var after = await GetAsync("/test/me", token);

        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_suspended_user_is_refused_and_accepted_again_when_reinstated()
    {
        var userId = Guid.NewGuid();
        var token = app.Tokens.Create(userId);

        await app.DenyList.SuspendUserAsync(userId);
        using (var suspended = await GetAsync("/test/me", token))
        {
            suspended.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        await app.DenyList.ReinstateUserAsync(userId);
        using var reinstated = await GetAsync("/test/me", token);
        reinstated.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task an_unreachable_deny_list_refuses_the_token_with_a_503_envelope()
    {
        var userId = Guid.NewGuid();
        app.DenyList.BreakFor(userId);

        using var response = await GetAsync("/test/me", app.Tokens.Create(userId));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await EndpointsApp.BodyOf(response)).GetProperty("error").GetProperty("code").GetString().ShouldBe("SERVICE_UNAVAILABLE");
    }

    [Fact]
    public async Task the_admin_policy_refuses_a_user_with_a_403_envelope()
    {
        using var response = await GetAsync("/test/admin", app.Tokens.Create(role: CareForAllClaims.UserRole));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await EndpointsApp.BodyOf(response)).GetProperty("error").GetProperty("code").GetString().ShouldBe("FORBIDDEN");
    }

    [Fact]
    public async Task the_admin_policy_admits_an_admin()
    {
        using var response = await GetAsync("/test/admin", app.Tokens.Create(role: CareForAllClaims.AdminRole));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EndpointsApp.BodyOf(response)).GetProperty("data").GetString().ShouldBe("welcome");
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await app.Client.SendAsync(request);
    }
}
