using System.Globalization;
using System.Net;
using System.Text.Json;
using CareForAll.Identity.Passwords;
using CareForAll.Identity.Users;
using CareForAll.Identity.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CareForAll.Identity.Tests;

/// <summary>Email verification through HTTP, against a real database: registration, the link, resend, the token claim.</summary>
[Collection(PostgresGroup.Name)]
public sealed class EmailVerificationTests(PostgresServer server)
{
    private static string EmailVerifiedClaim(string accessToken) => new JsonWebToken(accessToken).GetClaim("email_verified").Value;

    private static async Task<string> VerificationTokenAsync(IdentityHost host, Guid userId, int index = 0) =>
        (await host.EventsAsync("user.verification_requested", userId))[index].Data.GetProperty("token").GetString()!;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> VerifyAsync(IdentityHost host, object body)
    {
        var response = await host.PostAsync("/api/auth/verify-email", body);
        return (response.StatusCode, await IdentityHost.BodyAsync(response));
    }

    [Fact]
    public async Task registration_asks_for_the_verification_mail_and_stores_only_the_tokens_hash()
    {
        await using var host = await IdentityHost.StartAsync(server);

        var session = await host.RegisterAsync("Ann@Example.org", firstName: "Ann");
        var userId = session.GetProperty("user").GetProperty("id").GetGuid();

        session.GetProperty("user").GetProperty("emailVerified").GetBoolean().ShouldBeFalse();
        EmailVerifiedClaim(session.GetProperty("accessToken").GetString()!).ShouldBe("false");

        var (data, version) = (await host.EventsAsync("user.verification_requested", userId)).ShouldHaveSingleItem();
        data.EnumerateObject().Select(p => p.Name).ShouldBe(["userId", "email", "firstName", "token", "expiresAt", "occurredAt"], ignoreOrder: true);
        data.GetProperty("userId").GetGuid().ShouldBe(userId);
        data.GetProperty("email").GetString().ShouldBe("ann@example.org");
        data.GetProperty("firstName").GetString().ShouldBe("Ann");
        data.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(host.Clock.Now.AddHours(48), TimeSpan.FromMilliseconds(1));
        // After user.registered (version 1): every event of the user has its own version.
        version.ShouldBe(2);
        (await host.EventsAsync("user.registered", userId)).ShouldHaveSingleItem().Version.ShouldBe(1);

        var token = data.GetProperty("token").GetString()!;
        VerificationToken.LooksValid(token).ShouldBeTrue();
        (await host.ScalarAsync<long>("SELECT count(*) FROM auth.email_verifications WHERE user_id = @id", ("id", userId))).ShouldBe(1);
        (await host.ScalarAsync<string>("SELECT token_hash FROM auth.email_verifications WHERE user_id = @id", ("id", userId)))
            .ShouldBe(VerificationToken.Hash(token));
        (await host.ScalarAsync<long>(
            "SELECT count(*) FROM auth.email_verifications v WHERE strpos(row_to_json(v)::text, @token) > 0", ("token", token))).ShouldBe(0);
    }

    [Fact]
    public async Task following_the_link_verifies_the_account_and_the_next_login_and_refresh_say_so()
    {
        await using var host = await IdentityHost.StartAsync(server);
        var session = await host.RegisterAsync("ann@example.org");
        var userId = session.GetProperty("user").GetProperty("id").GetGuid();

        var (status, body) = await VerifyAsync(host, new { token = await VerificationTokenAsync(host, userId) });

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("data").GetProperty("userId").GetGuid().ShouldBe(userId);
        body.GetProperty("data").GetProperty("email").GetString().ShouldBe("ann@example.org");
        body.GetProperty("data").GetProperty("emailVerified").GetBoolean().ShouldBeTrue();
        (await host.ScalarAsync<bool>("SELECT email_verified FROM auth.users WHERE id = @id", ("id", userId))).ShouldBeTrue();
        (await host.ScalarAsync<long>("SELECT version FROM auth.users WHERE id = @id", ("id", userId))).ShouldBe(3);
        var (verified, version) = (await host.EventsAsync("user.email_verified", userId)).ShouldHaveSingleItem();
        verified.EnumerateObject().Select(p => p.Name).ShouldBe(["userId", "email", "occurredAt"], ignoreOrder: true);
        verified.GetProperty("email").GetString().ShouldBe("ann@example.org");
        version.ShouldBe(3);

        // The token issued before the verification still says false; the next ones read the database.
        var refreshed = await host.PostAsync("/api/auth/refresh", new { refreshToken = session.GetProperty("refreshToken").GetString() });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refreshedData = (await IdentityHost.BodyAsync(refreshed)).GetProperty("data");
        EmailVerifiedClaim(refreshedData.GetProperty("accessToken").GetString()!).ShouldBe("true");
        refreshedData.GetProperty("user").GetProperty("emailVerified").GetBoolean().ShouldBeTrue();

        var login = await host.LoginAsync("ann@example.org");
        EmailVerifiedClaim(login.GetProperty("accessToken").GetString()!).ShouldBe("true");
        login.GetProperty("user").GetProperty("emailVerified").GetBoolean().ShouldBeTrue();

        var profile = await host.GetAsync("/api/auth/profile", login.GetProperty("accessToken").GetString());
        (await IdentityHost.BodyAsync(profile)).GetProperty("data").GetProperty("emailVerified").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task a_token_verifies_once()
    {
        await using var host = await IdentityHost.StartAsync(server);
        var userId = (await host.RegisterAsync("ann@example.org")).GetProperty("user").GetProperty("id").GetGuid();
        var token = await VerificationTokenAsync(host, userId);

        (await VerifyAsync(host, new { token })).Status.ShouldBe(HttpStatusCode.OK);
        var (status, body) = await VerifyAsync(host, new { token });

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("INVALID_VERIFICATION_TOKEN");
        (await host.EventsAsync("user.email_verified", userId)).Count.ShouldBe(1);
        (await host.ScalarAsync<DateTime?>("SELECT used_at FROM auth.email_verifications WHERE user_id = @id", ("id", userId)))
            .ShouldNotBeNull();
    }

    [Fact]
    public async Task a_token_works_until_it_expires_and_not_after()
    {
        await using var host = await IdentityHost.StartAsync(server);
        var early = (await host.RegisterAsync("early@example.org")).GetProperty("user").GetProperty("id").GetGuid();
        var late = (await host.RegisterAsync("late@example.org")).GetProperty("user").GetProperty("id").GetGuid();

        host.Clock.Advance(TimeSpan.FromHours(48) - TimeSpan.FromSeconds(1));
        (await VerifyAsync(host, new { token = await VerificationTokenAsync(host, early) })).Status.ShouldBe(HttpStatusCode.OK);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var (status, body) = await VerifyAsync(host, new { token = await VerificationTokenAsync(host, late) });

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("INVALID_VERIFICATION_TOKEN");
        (await host.ScalarAsync<bool>("SELECT email_verified FROM auth.users WHERE id = @id", ("id", late))).ShouldBeFalse();
    }

    [Fact]
    public async Task the_lifetime_comes_from_configuration()
    {
        await using var host = await IdentityHost.StartAsync(server, o => o.Lifetime = TimeSpan.FromHours(2));
        var userId = (await host.RegisterAsync("ann@example.org")).GetProperty("user").GetProperty("id").GetGuid();

        (await host.EventsAsync("user.verification_requested", userId))[0].Data.GetProperty("expiresAt").GetDateTimeOffset()
            .ShouldBe(host.Clock.Now.AddHours(2), TimeSpan.FromMilliseconds(1));
        host.Clock.Advance(TimeSpan.FromHours(2));
        (await VerifyAsync(host, new { token = await VerificationTokenAsync(host, userId) })).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task unknown_malformed_and_missing_tokens_are_refused_alike()
    {
        await using var host = await IdentityHost.StartAsync(server);
        await host.RegisterAsync("ann@example.org");

        var unknown = await VerifyAsync(host, new { token = VerificationToken.Generate() });
        var malformed = await VerifyAsync(host, new { token = "not a token" });
        var missing = await VerifyAsync(host, new { });

        unknown.Status.ShouldBe(HttpStatusCode.BadRequest);
        malformed.Status.ShouldBe(HttpStatusCode.BadRequest);
        unknown.Body.GetProperty("error").GetProperty("code").GetString().ShouldBe("INVALID_VERIFICATION_TOKEN");
        malformed.Body.GetProperty("error").ToString().ShouldBe(unknown.Body.GetProperty("error").ToString());
        missing.Status.ShouldBe(HttpStatusCode.BadRequest);
        missing.Body.GetProperty("error").GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
        (await host.ScalarAsync<long>("SELECT count(*) FROM auth.users WHERE email_verified")).ShouldBe(0);
    }

    [Fact]
    public async Task an_unspent_older_link_of_a_verified_account_is_accepted_without_a_second_event()
    {
        await using var host = await IdentityHost.StartAsync(server);
        var session = await host.RegisterAsync("ann@example.org");
        var userId = session.GetProperty("user").GetProperty("id").GetGuid();
        (await host.PostAsync("/api/auth/verify-email/resend", bearer: session.GetProperty("accessToken").GetString())).StatusCode
            .ShouldBe(HttpStatusCode.Accepted);
        var first = await VerificationTokenAsync(host, userId, 0);
        var second = await VerificationTokenAsync(host, userId, 1);
        first.ShouldNotBe(second);

        (await VerifyAsync(host, new { token = second })).Status.ShouldBe(HttpStatusCode.OK);
        var (status, body) = await VerifyAsync(host, new { token = first });

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("data").GetProperty("emailVerified").GetBoolean().ShouldBeTrue();
        (await host.EventsAsync("user.email_verified", userId)).Count.ShouldBe(1);
        // Registered 1, its mail 2, the resent mail 3, verified 4; the second link changes nothing.
        (await host.ScalarAsync<long>("SELECT version FROM auth.users WHERE id = @id", ("id", userId))).ShouldBe(4);
        (await host.ScalarAsync<long>("SELECT count(*) FROM auth.email_verifications WHERE used_at IS NULL")).ShouldBe(0);
    }

    [Fact]
    public async Task resend_sends_a_new_link_and_refuses_a_verified_account()
    {
        await using var host = await IdentityHost.StartAsync(server);
        var session = await host.RegisterAsync("ann@example.org");
        var userId = session.GetProperty("user").GetProperty("id").GetGuid();
        var bearer = session.GetProperty("accessToken").GetString();

        var resent = await host.PostAsync("/api/auth/verify-email/resend", bearer: bearer);

        resent.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var data = (await IdentityHost.BodyAsync(resent)).GetProperty("data");
        data.GetProperty("email").GetString().ShouldBe("ann@example.org");
        data.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(host.Clock.Now.AddHours(48), TimeSpan.FromMilliseconds(1));
        data.TryGetProperty("token", out _).ShouldBeFalse();
        (await host.EventsAsync("user.verification_requested", userId)).Select(e => e.Version).ShouldBe([2, 3]);

        (await VerifyAsync(host, new { token = await VerificationTokenAsync(host, userId, 1) })).Status.ShouldBe(HttpStatusCode.OK);
        var refused = await host.PostAsync("/api/auth/verify-email/resend", bearer: bearer);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await IdentityHost.BodyAsync(refused)).GetProperty("error").GetProperty("code").GetString().ShouldBe("EMAIL_ALREADY_VERIFIED");
        (await host.EventsAsync("user.verification_requested", userId)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task resend_needs_a_signed_in_user()
    {
        await using var host = await IdentityHost.StartAsync(server);

        (await host.PostAsync("/api/auth/verify-email/resend")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task resend_is_limited_per_user_per_window_with_retry_after_in_the_envelope()
    {
        await using var host = await IdentityHost.StartAsync(server);
        var session = await host.RegisterAsync("ann@example.org");
        var other = await host.RegisterAsync("bob@example.org");
        var userId = session.GetProperty("user").GetProperty("id").GetGuid();
        var bearer = session.GetProperty("accessToken").GetString();

        // The registration's mail counts: two resends fit in the default three per hour.
        (await host.PostAsync("/api/auth/verify-email/resend", bearer: bearer)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        (await host.PostAsync("/api/auth/verify-email/resend", bearer: bearer)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var limited = await host.PostAsync("/api/auth/verify-email/resend", bearer: bearer);

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var error = (await IdentityHost.BodyAsync(limited)).GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("RATE_LIMITED");
        // The registration's mail leaves the window 50 minutes from now.
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        retryAfter.ShouldBe(50 * 60);
        error.GetProperty("details").GetProperty("retryAfterSeconds").GetInt32().ShouldBe(retryAfter);
        (await host.EventsAsync("user.verification_requested", userId)).Count.ShouldBe(3);

        // Another user is not held back by this one.
        (await host.PostAsync("/api/auth/verify-email/resend", bearer: other.GetProperty("accessToken").GetString())).StatusCode
            .ShouldBe(HttpStatusCode.Accepted);

        // Once the oldest request is more than an hour old, a slot is free again.
        await host.ScalarAsync<object?>(
            "UPDATE auth.email_verifications SET created_at = created_at - interval '51 minutes' WHERE user_id = @id", ("id", userId));
        (await host.PostAsync("/api/auth/verify-email/resend", bearer: bearer)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task the_seeded_first_admin_is_verified()
    {
        await using var host = await IdentityHost.StartAsync(server);
        var seeder = new FirstAdminSeeder(
            host.Database,
            host.Services.GetRequiredService<PasswordHasher>(),
            Options.Create(new FirstAdminOptions { Email = "admin@example.org", Password = "an admin password" }),
            host.Clock,
            NullLogger<FirstAdminSeeder>.Instance);
        await seeder.SeedAsync(CancellationToken.None);

        var login = await host.LoginAsync("admin@example.org", "an admin password");

        EmailVerifiedClaim(login.GetProperty("accessToken").GetString()!).ShouldBe("true");
        (await host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE event_type = 'user.verification_requested'")).ShouldBe(0);
    }
}
