using Aspire.Hosting.Testing;
using System.Net;
using CareForAll.AppHost.Secrets;

namespace CareForAll.IntegrationTests;

[Collection(SharedPlatform.Name)]
public sealed class AuthenticationTests(PlatformFixture platform) : IDisposable
{
    private readonly HttpClient _client = platform.CreateGatewayClient(IPAddress.Parse("127.0.10.1"));
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task a_new_donor_registers_signs_in_and_reads_their_profile_through_the_gateway()
    {
        var email = Api.NewEmail("donor");
        var registered = await Api.RegisterAsync(_client, email, cancellationToken: _ct);
        registered.Email.ShouldBe(email);

        var session = await Api.LoginAsync(_client, email, "correct-horse-battery", _ct);
        session.UserId.ShouldBe(registered.UserId);

        var (status, body, response) = await Api.SendAsync(_client, HttpMethod.Get, "/api/auth/profile", accessToken: session.AccessToken, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["data"]!["email"]!.GetValue<string>().ShouldBe(email);
        body["data"]!["firstName"]!.GetValue<string>().ShouldBe("Nusrat");
        body["meta"]!["requestId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        response.Headers.GetValues("X-Request-Id").Single().ShouldBe(body["meta"]!["requestId"]!.GetValue<string>());
        response.Headers.Contains("Server").ShouldBeFalse();
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task the_profile_refuses_a_request_without_a_token()
    {
        var (status, body, _) = await Api.SendAsync(_client, HttpMethod.Get, "/api/auth/profile", cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.Unauthorized);
        body["success"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task registration_refuses_bad_input_field_by_field_and_stores_nothing()
    {
        var email = Api.NewEmail("bad");
        var (status, body, _) = await Api.SendAsync(_client, HttpMethod.Post, "/api/auth/register",
            new { email = "not-an-email", password = "short" }, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorCode(body).ShouldBe("VALIDATION_ERROR");
        body["error"]!["details"]!["email"].ShouldNotBeNull();
        body["error"]!["details"]!["password"].ShouldNotBeNull();

        // Nothing was stored: the address is still free to register.
        (status, body, _) = await Api.SendAsync(_client, HttpMethod.Post, "/api/auth/register", new { email, password = "short" }, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.BadRequest);
        await Api.RegisterAsync(_client, email, cancellationToken: _ct);
    }

    [Fact]
    public async Task registering_an_email_twice_answers_409_and_keeps_the_first_account()
    {
        var email = Api.NewEmail("twice");
        await Api.RegisterAsync(_client, email, cancellationToken: _ct);

        var (status, body, _) = await Api.SendAsync(_client, HttpMethod.Post, "/api/auth/register",
            new { email = email.ToUpperInvariant(), password = "another-password-1" }, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.Conflict);
        Api.ErrorCode(body).ShouldBe("EMAIL_TAKEN");

        await Api.LoginAsync(_client, email, "correct-horse-battery", _ct);
    }

    [Fact]
    public async Task a_role_in_the_registration_body_is_never_honoured()
    {
        var email = Api.NewEmail("climber");
        var (status, body, _) = await Api.SendAsync(_client, HttpMethod.Post, "/api/auth/register",
            new { email, password = "correct-horse-battery", role = "ADMIN" }, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        body["data"]!["user"]!["role"]!.GetValue<string>().ShouldBe("USER");
    }

    [Fact]
    public async Task refresh_rotates_the_token_and_reusing_an_old_one_revokes_the_whole_family()
    {
        var session = await Api.RegisterAsync(_client, Api.NewEmail("rotate"), cancellationToken: _ct);

        var (status, body, _) = await Api.SendAsync(_client, HttpMethod.Post, "/api/auth/refresh", new { refreshToken = session.RefreshToken }, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        var rotated = Api.ToSession(body);
        rotated.RefreshToken.ShouldNotBe(session.RefreshToken);

        // The first token again: someone replayed a stolen token, so the whole family goes.
        (status, body, _) = await Api.SendAsync(_client, HttpMethod.Post, "/api/auth/refresh", new { refreshToken = session.RefreshToken }, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.Unauthorized);

        (status, _, _) = await Api.SendAsync(_client, HttpMethod.Post, "/api/auth/refresh", new { refreshToken = rotated.RefreshToken }, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task after_logout_the_old_access_token_and_refresh_token_are_refused()
    {
        var session = await Api.RegisterAsync(_client, Api.NewEmail("leaver"), cancellationToken: _ct);

        var (status, body, _) = await Api.SendAsync(_client, HttpMethod.Post, "/api/auth/logout", new { refreshToken = session.RefreshToken }, session.AccessToken, _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());

        (status, _, _) = await Api.SendAsync(_client, HttpMethod.Get, "/api/auth/profile", accessToken: session.AccessToken, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.Unauthorized);

        (status, _, _) = await Api.SendAsync(_client, HttpMethod.Post, "/api/auth/refresh", new { refreshToken = session.RefreshToken }, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_suspended_user_is_refused_at_once_and_a_reactivated_user_is_accepted_again()
    {
        var password = "correct-horse-battery";
        var user = await Api.RegisterAsync(_client, Api.NewEmail("suspect"), password, _ct);
        var admin = await Api.LoginAsync(_client, PlatformSecrets.DevelopmentAdminEmail, PlatformSecrets.DevelopmentAdminPassword, _ct);

        // Suspension is an internal route: the gateway never exposes it.
        var (status, _, _) = await Api.SendAsync(_client, HttpMethod.Post, $"/internal/users/{user.UserId}/suspend", new { reason = "chargeback fraud" }, admin.AccessToken, _ct);
        status.ShouldBe(HttpStatusCode.NotFound);

        using var identity = platform.App.CreateHttpClient("identity", "http");
        (status, var body, _) = await Api.SendAsync(identity, HttpMethod.Post, $"/internal/users/{user.UserId}/suspend", new { reason = "chargeback fraud" }, admin.AccessToken, _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());

        (status, _, _) = await Api.SendAsync(_client, HttpMethod.Get, "/api/auth/profile", accessToken: user.AccessToken, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.Unauthorized);
        (status, _, _) = await Api.SendAsync(_client, HttpMethod.Post, "/api/auth/login", new { email = user.Email, password }, cancellationToken: _ct);
        status.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (status, _, _) = await Api.SendAsync(_client, HttpMethod.Post, "/api/auth/refresh", new { refreshToken = user.RefreshToken }, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.Unauthorized);

        (status, body, _) = await Api.SendAsync(identity, HttpMethod.Post, $"/internal/users/{user.UserId}/reactivate", new { }, admin.AccessToken, _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());

        var again = await Api.LoginAsync(_client, user.Email, password, _ct);
        (status, _, _) = await Api.SendAsync(_client, HttpMethod.Get, "/api/auth/profile", accessToken: again.AccessToken, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task an_ordinary_user_cannot_suspend_anyone()
    {
        var user = await Api.RegisterAsync(_client, Api.NewEmail("ordinary"), cancellationToken: _ct);
        var victim = await Api.RegisterAsync(_client, Api.NewEmail("victim"), cancellationToken: _ct);

        using var identity = platform.App.CreateHttpClient("identity", "http");
        var (status, _, _) = await Api.SendAsync(identity, HttpMethod.Post, $"/internal/users/{victim.UserId}/suspend", new { reason = "spite" }, user.AccessToken, _ct);
        status.ShouldBe(HttpStatusCode.Forbidden);

        var (profileStatus, _, _) = await Api.SendAsync(_client, HttpMethod.Get, "/api/auth/profile", accessToken: victim.AccessToken, cancellationToken: _ct);
        profileStatus.ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose() => _client.Dispose();
}
