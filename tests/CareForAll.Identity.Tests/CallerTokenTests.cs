using System.Security.Claims;
using CareForAll.Identity.Tokens;

namespace CareForAll.Identity.Tests;

public sealed class CallerTokenTests
{
    [Fact]
    public void the_claims_of_a_validated_token_are_read()
    {
        var userId = Guid.NewGuid();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim("sub", userId.ToString()),
                new Claim("email", "ann@example.org"),
                new Claim("role", "ADMIN"),
                new Claim("email_verified", "true"),
                new Claim("jti", "abc"),
                new Claim("exp", "1893456000"),
            ],
            "Bearer"));

        var token = CallerToken.From(principal).ShouldNotBeNull();

        token.UserId.ShouldBe(userId);
        token.Role.ShouldBe("ADMIN");
        token.EmailVerified.ShouldBeTrue();
        token.Jti.ShouldBe("abc");
        token.ExpiresAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1893456000));
    }

    [Fact]
    public void a_principal_without_jti_or_exp_is_not_a_caller_token() =>
        CallerToken.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString())], "Bearer")))
            .ShouldBeNull();
}
