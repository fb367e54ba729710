using System.Text;
using System.Text.Json.Nodes;
using CareForAll.Identity.Tokens;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareForAll.Identity.Tests;

public sealed class AccessTokenTests
{
    private static readonly Guid UserId = Guid.Parse("0193b7a4-2f7e-7c11-9a55-3c1d2e4f5a6b");

    [Fact]
    public async Task issued_token_validates_and_carries_the_contract_claims()
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issuer.Issue(UserId, "ann@example.org", "USER", emailVerified: false);

        var result = await TokenFixture.ValidateAsync(token.Value, fixture.Key.PublicSecurityKey);

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        jwt.Alg.ShouldBe("ES256");
        jwt.Kid.ShouldBe(fixture.Key.KeyId);
        jwt.Issuer.ShouldBe("careforall-identity");
        jwt.Audiences.ShouldBe(["careforall"]);
        jwt.Subject.ShouldBe(UserId.ToString());
        jwt.GetClaim("email").Value.ShouldBe("ann@example.org");
        jwt.GetClaim("role").Value.ShouldBe("USER");
        jwt.GetClaim("email_verified").Value.ShouldBe("false");
        jwt.Id.ShouldBe(token.Jti.ToString());
        jwt.TryGetPayloadValue<long>("iat", out var iat).ShouldBeTrue();
        jwt.TryGetPayloadValue<long>("exp", out var exp).ShouldBeTrue();
        (exp - iat).ShouldBe(15 * 60);
        token.ExpiresAt.ToUnixTimeSeconds().ShouldBe(exp);
    }

    [Fact]
    public async Task a_verified_users_token_says_so_and_services_read_it()
    {
        using var fixture = new TokenFixture();
        var verified = fixture.Issuer.Issue(UserId, "ann@example.org", "USER", emailVerified: true);
        var unverified = fixture.Issuer.Issue(UserId, "ann@example.org", "USER", emailVerified: false);

        var verifiedResult = await TokenFixture.ValidateAsync(verified.Value, fixture.Key.PublicSecurityKey);
        var unverifiedResult = await TokenFixture.ValidateAsync(unverified.Value, fixture.Key.PublicSecurityKey);

        ((JsonWebToken)verifiedResult.SecurityToken).GetClaim("email_verified").Value.ShouldBe("true");
        new System.Security.Claims.ClaimsPrincipal(verifiedResult.ClaimsIdentity).EmailVerified().ShouldBeTrue();
        new System.Security.Claims.ClaimsPrincipal(unverifiedResult.ClaimsIdentity).EmailVerified().ShouldBeFalse();
    }

    [Fact]
    public void every_token_gets_its_own_jti()
    {
        using var fixture = new TokenFixture();
        var first = fixture.Issuer.Issue(UserId, "ann@example.org", "USER", emailVerified: false);
        var second = fixture.Issuer.Issue(UserId, "ann@example.org", "USER", emailVerified: false);
        first.Jti.ShouldNotBe(second.Jti);
    }

    [Fact]
    public async Task a_token_whose_payload_was_edited_is_refused()
    {
        using var fixture = new TokenFixture();
        var parts = fixture.Issuer.Issue(UserId, "ann@example.org", "USER", emailVerified: false).Value.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["role"] = "ADMIN";
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";

        var result = await TokenFixture.ValidateAsync(tampered, fixture.Key.PublicSecurityKey);

        result.IsValid.ShouldBeFalse();
        result.Exception.ShouldBeAssignableTo<SecurityTokenInvalidSignatureException>();
    }

    [Fact]
    public async Task an_expired_token_is_refused()
    {
        using var fixture = new TokenFixture(now: DateTimeOffset.UtcNow.AddMinutes(-16));
        var token = fixture.Issuer.Issue(UserId, "ann@example.org", "USER", emailVerified: false);

        var result = await TokenFixture.ValidateAsync(token.Value, fixture.Key.PublicSecurityKey);

        result.IsValid.ShouldBeFalse();
        result.Exception.ShouldBeOfType<SecurityTokenExpiredException>();
    }

    [Fact]
    public async Task an_unsigned_alg_none_token_is_refused()
    {
        using var fixture = new TokenFixture();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"iss":"careforall-identity","aud":"careforall","sub":"{{UserId}}","role":"ADMIN","jti":"{{Guid.NewGuid()}}","iat":{{now}},"exp":{{now + 900}}}""");

        var result = await TokenFixture.ValidateAsync($"{header}.{payload}.", fixture.Key.PublicSecurityKey);

        result.IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task a_token_signed_with_hmac_over_the_public_key_is_refused()
    {
        // The classic algorithm confusion: sign HS256 with the public key as the shared secret.
        using var fixture = new TokenFixture();
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(fixture.Key.X + fixture.Key.Y)) { KeyId = fixture.Key.KeyId };
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "careforall-identity",
            Audience = "careforall",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = UserId.ToString(), ["role"] = "ADMIN" },
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });

        var result = await TokenFixture.ValidateAsync(forged, fixture.Key.PublicSecurityKey, secret);

        result.IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task a_token_signed_by_another_key_is_refused()
    {
        using var fixture = new TokenFixture();
        using var other = new TokenFixture();
        var token = other.Issuer.Issue(UserId, "ann@example.org", "USER", emailVerified: false);

        var result = await TokenFixture.ValidateAsync(token.Value, fixture.Key.PublicSecurityKey);

        result.IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task a_token_for_another_audience_is_refused()
    {
        using var fixture = new TokenFixture(audience: "somebody-else");
        var token = fixture.Issuer.Issue(UserId, "ann@example.org", "USER", emailVerified: false);

        var result = await TokenFixture.ValidateAsync(token.Value, fixture.Key.PublicSecurityKey);

        result.IsValid.ShouldBeFalse();
        result.Exception.ShouldBeOfType<SecurityTokenInvalidAudienceException>();
    }
}
