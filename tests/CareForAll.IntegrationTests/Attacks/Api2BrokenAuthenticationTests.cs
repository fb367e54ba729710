using System.Net;
using System.Text.Json.Nodes;
using CareForAll.IntegrationTests.Donations;

namespace CareForAll.IntegrationTests.Attacks;

/// <summary>API2:2023 Broken Authentication: no forged, stale or revoked credential is honoured anywhere.</summary>
[Collection(SharedPlatform.Name)]
public sealed class Api2BrokenAuthenticationTests(PlatformFixture platform) : IDisposable
{
    private const string Owasp = "API2 broken authentication";
    private readonly DonationDriver _driver = new(platform, subnet: 201);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    [Fact]
    public async Task hand_made_tokens_are_refused_on_protected_routes_and_never_honoured_on_public_ones()
    {
        var victim = await _driver.NewUserAsync("authn-victim", _ct);
        var attacker = await _driver.NewUserAsync("authn-attacker", _ct);
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        using var forge = await ForgedTokens.CreateAsync(platform, _ct);
        forge.UseKeyIdOf(victim.AccessToken);
        var client = _driver.NewClient();

        JsonObject VictimClaims(Action<JsonObject>? change = null)
        {
            var claims = ForgedTokens.PayloadOf(victim.AccessToken);
            claims["role"] = "ADMIN";
            claims["jti"] = Guid.NewGuid().ToString();
            var now = DateTimeOffset.UtcNow;
            claims["iat"] = now.ToUnixTimeSeconds();
            claims["nbf"] = now.ToUnixTimeSeconds();
            claims["exp"] = now.AddMinutes(10).ToUnixTimeSeconds();
            change?.Invoke(claims);
            return claims;
        }

        var forged = new (string Attack, string Token)[]
        {
            ("a real token with its payload rewritten (role ADMIN, the victim's id)", ForgedTokens.Tampered(attacker.AccessToken, p =>
            {
                p["sub"] = victim.UserId.ToString();
                p["email"] = victim.Email;
                p["role"] = "ADMIN";
            })),
            ("an expired token signed with the platform's key", forge.SignedByPlatform(VictimClaims(c =>
            {
                var past = DateTimeOffset.UtcNow.AddMinutes(-20);
                c["iat"] = past.AddMinutes(-15).ToUnixTimeSeconds();
                c["nbf"] = past.AddMinutes(-15).ToUnixTimeSeconds();
                c["exp"] = past.ToUnixTimeSeconds();
            }))),
            ("an alg=none token", ForgedTokens.Unsigned(VictimClaims())),
            ("a token signed with a key the platform never published", forge.SignedByStranger(VictimClaims())),
            ("a token for another audience, signed with the platform's key", forge.SignedByPlatform(VictimClaims(c => c["aud"] = "someone-else"))),
            ("a token from another issuer, signed with the platform's key", forge.SignedByPlatform(VictimClaims(c => c["iss"] = "https://evil.example"))),
            ("an HS256 token keyed with the published key (algorithm confusion)", forge.HmacWithPublicKey(VictimClaims())),
            ("a token with no signature part", string.Join('.', forge.SignedByPlatform(VictimClaims()).Split('.')[..2])),
            ("garbage in the bearer header", "not.a.jwt"),
        };

        foreach (var (attack, token) in forged)
        {
            await AttackLedger.TryAsync(Owasp, $"{attack}, on the profile", async () =>
                (await AttackHttp.SendAsync(client, HttpMethod.Get, "/api/auth/profile", accessToken: token, ct: _ct)).ShouldBeRefused(HttpStatusCode.Unauthorized));

            await AttackLedger.TryAsync(Owasp, $"{attack}, on an admin route", async () =>
            {
                var answer = await AttackHttp.SendAsync(client, HttpMethod.Get, "/api/admin/users", accessToken: token, ct: _ct);
                answer.ShouldBeRefused(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
                answer.Text.ShouldNotContain(victim.Email, Case.Insensitive);
            });

            await AttackLedger.TryAsync(Owasp, $"{attack}, on the public pledge route (as the victim)", async () =>
            {
                var answer = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/pledges",
                    new { campaignId, amount = 10m, currency = "BDT" }, token, AttackHttp.IdempotencyKey(), ct: _ct);
                answer.ShouldBeRefused();
                (await platform.CountAsync("pledgesdb", "SELECT count(*) FROM pledges.pledges WHERE user_id = @id", new { id = victim.UserId }, _ct)).ShouldBe(0);
            });

            await AttackLedger.TryAsync(Owasp, $"{attack}, on a public read", async () =>
            {
                var answer = await AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/campaigns/{campaignId}", accessToken: token, ct: _ct);
                // Either refused, or answered as to anyone: never as the victim or an admin.
                answer.ShouldNotBeServerError();
                if (answer.Status != HttpStatusCode.OK)
                {
                    answer.ShouldBeRefused(HttpStatusCode.Unauthorized);
                }
            });
        }

        // The controls: the platform's key with the real claims is accepted, so every refusal above is about the flaw.
        var control = forge.SignedByPlatform(VictimClaims(c => c["role"] = "USER"));
        var profile = await AttackHttp.SendAsync(client, HttpMethod.Get, "/api/auth/profile", accessToken: control, ct: _ct);
        profile.Status.ShouldBe(HttpStatusCode.OK, profile.ToString());
        profile.Body["data"]!["id"]!.GetValue<string>().ShouldBe(victim.UserId.ToString());
    }

    [Fact]
    public async Task revoked_refresh_tokens_and_logged_out_sessions_open_nothing()
    {
        var client = _driver.NewClient();
        var rotated = await _driver.NewUserAsync("authn-rotate", _ct);
        var refreshed = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/refresh", new { refreshToken = rotated.RefreshToken }, ct: _ct);
        refreshed.Status.ShouldBe(HttpStatusCode.OK, refreshed.ToString());
        var next = Api.ToSession(refreshed.Body);

        await AttackLedger.TryAsync(Owasp, "a rotated refresh token used again", async () =>
        {
            (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/refresh", new { refreshToken = rotated.RefreshToken }, ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Unauthorized);
            // The reuse revoked the whole family: the newest token is dead too.
            (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/refresh", new { refreshToken = next.RefreshToken }, ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Unauthorized);
        });

        var leaver = await _driver.NewUserAsync("authn-leaver", _ct);
        (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/logout", new { refreshToken = leaver.RefreshToken }, leaver.AccessToken, ct: _ct))
            .Status.ShouldBe(HttpStatusCode.OK);

        await AttackLedger.TryAsync(Owasp, "a logged-out refresh token", async () =>
            (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/refresh", new { refreshToken = leaver.RefreshToken }, ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Unauthorized));

        await AttackLedger.TryAsync(Owasp, "a logged-out access token, still within its 15 minutes", async () =>
        {
            (await AttackHttp.SendAsync(client, HttpMethod.Get, "/api/auth/profile", accessToken: leaver.AccessToken, ct: _ct)).ShouldBeRefused(HttpStatusCode.Unauthorized);
            (await AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/pledges/user/{leaver.UserId}", accessToken: leaver.AccessToken, ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Unauthorized);
        });

        await AttackLedger.TryAsync(Owasp, "a made-up refresh token", async () =>
            (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/refresh", new { refreshToken = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) }, ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task guessing_a_password_stops_at_five_tries_a_minute_even_when_the_sixth_guess_is_right()
    {
        var victim = await _driver.NewUserAsync("authn-brute", _ct);
        using var attacker = platform.CreateGatewayClient(IPAddress.Parse("127.201.250.1"));

        await AttackLedger.TryAsync(Owasp, "login brute force from one address", async () =>
        {
            for (var guess = 1; guess <= 5; guess++)
            {
                (await AttackHttp.SendAsync(attacker, HttpMethod.Post, "/api/auth/login", new { email = victim.Email, password = $"wrong-guess-{guess}" }, ct: _ct))
                    .ShouldBeRefused(HttpStatusCode.Unauthorized);
            }

            var sixth = await AttackHttp.SendAsync(attacker, HttpMethod.Post, "/api/auth/login", new { email = victim.Email, password = Api.DefaultPassword }, ct: _ct);
            sixth.ShouldBeRefused(HttpStatusCode.TooManyRequests);
            sixth.Response.Headers.RetryAfter.ShouldNotBeNull();
            sixth.Text.ShouldNotContain("accessToken");
        });

        await AttackLedger.TryAsync(Owasp, "login brute force with a stale token claiming another user", async () =>
        {
            var answer = await AttackHttp.SendAsync(attacker, HttpMethod.Post, "/api/auth/login",
                new { email = victim.Email, password = Api.DefaultPassword }, victim.AccessToken, ct: _ct);
            answer.ShouldBeRefused(HttpStatusCode.TooManyRequests);
        });
    }

    [Fact]
    public async Task a_suspended_users_live_token_opens_nothing()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var suspect = await _driver.NewUserAsync("authn-suspect", _ct);
        var admin = await _driver.AdminAsync(_ct);
        var client = _driver.NewClient();
        var suspended = await AttackHttp.SendAsync(client, HttpMethod.Patch, $"/api/admin/users/{suspect.UserId}/status",
            new { status = "suspended", reason = "card testing" }, admin.AccessToken, ct: _ct);
        suspended.Status.ShouldBe(HttpStatusCode.OK, suspended.ToString());

        await AttackLedger.TryAsync(Owasp, "a suspended user's live access token on the profile", async () =>
            (await AttackHttp.SendAsync(client, HttpMethod.Get, "/api/auth/profile", accessToken: suspect.AccessToken, ct: _ct)).ShouldBeRefused(HttpStatusCode.Unauthorized));

        await AttackLedger.TryAsync(Owasp, "a suspended user's live access token creates a pledge", async () =>
        {
            (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/pledges", new { campaignId, amount = 10m, currency = "BDT" },
                suspect.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct)).ShouldBeRefused(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
            (await platform.CountAsync("pledgesdb", "SELECT count(*) FROM pledges.pledges WHERE user_id = @id", new { id = suspect.UserId }, _ct)).ShouldBe(0);
        });

        await AttackLedger.TryAsync(Owasp, "a suspended user refreshes their session", async () =>
            (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/refresh", new { refreshToken = suspect.RefreshToken }, ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden));

        await AttackLedger.TryAsync(Owasp, "a suspended user signs in again", async () =>
        {
            var answer = await AttackHttp.SendAsync(_driver.NewClient(), HttpMethod.Post, "/api/auth/login", new { email = suspect.Email, password = Api.DefaultPassword }, ct: _ct);
            answer.ShouldBeRefused(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
            answer.Text.ShouldNotContain("accessToken");
        });
    }

    public void Dispose() => _driver.Dispose();
}
