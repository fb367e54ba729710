using CareForAll.Identity.Tokens;

namespace CareForAll.Identity.Tests;

public sealed class RefreshTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static RefreshTokenState Token(
        DateTime? expiresAt = null, DateTime? revokedAt = null, Guid? replacedBy = null, bool isActive = true) =>
        new(
            Guid.NewGuid(),
            Guid.NewGuid(),
            Guid.NewGuid(),
            expiresAt ?? Now.UtcDateTime.AddDays(7),
            revokedAt,
            replacedBy,
            "ann@example.org",
            "USER",
            isActive,
            EmailVerified: false);

    [Fact]
    public void generated_tokens_are_long_random_and_url_safe()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => RefreshTokenValue.Generate()).ToList();

        tokens.Distinct().Count().ShouldBe(100);
        tokens.ShouldAllBe(t => t.Length == 43 && RefreshTokenValue.LooksValid(t));
    }

    [Fact]
    public void only_a_hash_of_the_token_is_stored()
    {
        var token = RefreshTokenValue.Generate();
        var hash = RefreshTokenValue.Hash(token);

        hash.Length.ShouldBe(64);
        hash.ShouldMatch("^[0-9a-f]{64}$");
        hash.ShouldNotContain(token);
        RefreshTokenValue.Hash(token).ShouldBe(hash);
        RefreshTokenValue.Hash(RefreshTokenValue.Generate()).ShouldNotBe(hash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("has spaces in it and is long enough")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.sig")]
    public void foreign_strings_are_not_taken_for_refresh_tokens(string? value) =>
        RefreshTokenValue.LooksValid(value).ShouldBeFalse();

    [Fact]
    public void an_unknown_token_is_invalid() =>
        RefreshTokenRotation.Decide(null, Now).ShouldBe(RefreshDecision.Invalid);

    [Fact]
    public void a_live_token_of_an_active_user_rotates() =>
        RefreshTokenRotation.Decide(Token(), Now).ShouldBe(RefreshDecision.Rotate);

    [Fact]
    public void a_token_presented_after_it_was_rotated_is_reuse() =>
        RefreshTokenRotation.Decide(Token(replacedBy: Guid.NewGuid()), Now).ShouldBe(RefreshDecision.Reused);

    [Fact]
    public void reuse_is_detected_even_after_the_family_was_revoked_or_the_token_expired() =>
        RefreshTokenRotation.Decide(
                Token(expiresAt: Now.UtcDateTime.AddDays(-1), revokedAt: Now.UtcDateTime.AddHours(-1), replacedBy: Guid.NewGuid()),
                Now)
            .ShouldBe(RefreshDecision.Reused);

    [Fact]
    public void a_revoked_token_is_invalid() =>
        RefreshTokenRotation.Decide(Token(revokedAt: Now.UtcDateTime.AddMinutes(-1)), Now).ShouldBe(RefreshDecision.Invalid);

    [Fact]
    public void an_expired_token_is_refused() =>
        RefreshTokenRotation.Decide(Token(expiresAt: Now.UtcDateTime), Now).ShouldBe(RefreshDecision.Expired);

    [Fact]
    public void a_suspended_users_token_does_not_rotate() =>
        RefreshTokenRotation.Decide(Token(isActive: false), Now).ShouldBe(RefreshDecision.Suspended);

    [Fact]
    public void a_token_read_back_from_the_database_with_unspecified_kind_is_read_as_utc()
    {
        var expiresAt = DateTime.SpecifyKind(Now.UtcDateTime.AddSeconds(1), DateTimeKind.Unspecified);
        RefreshTokenRotation.Decide(Token(expiresAt: expiresAt), Now).ShouldBe(RefreshDecision.Rotate);
    }
}
