using CareForAll.Identity.Verification;

namespace CareForAll.Identity.Tests;

public sealed class VerificationRulesTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-11-25T12:00:00Z");
    private static readonly EmailVerificationOptions Options = new() { MaxMailsPerWindow = 3, Window = TimeSpan.FromHours(1) };

    private static VerificationState State(TimeSpan expiresIn, DateTime? usedAt = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Clock.Now.UtcDateTime + expiresIn, usedAt);

    private static DateTime MinutesAgo(int minutes) => Clock.Now.UtcDateTime.AddMinutes(-minutes);

    [Fact]
    public void generated_tokens_are_long_random_and_url_safe()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => VerificationToken.Generate()).ToList();

        tokens.Distinct().Count().ShouldBe(100);
        tokens.ShouldAllBe(t => t.Length == 43 && VerificationToken.LooksValid(t));
        tokens.ShouldAllBe(t => Uri.EscapeDataString(t) == t);
    }

    [Fact]
    public void only_a_hash_of_the_token_is_kept()
    {
        var token = VerificationToken.Generate();
        var hash = VerificationToken.Hash(token);

        hash.ShouldMatch("^[0-9a-f]{64}$");
        hash.ShouldNotContain(token);
        VerificationToken.Hash(token).ShouldBe(hash);
        VerificationToken.Hash(VerificationToken.Generate()).ShouldNotBe(hash);
        // SHA-256 of the UTF-8 text, as any other reader of the table would compute it.
        VerificationToken.Hash("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("a token with spaces in it, 43 characters...")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void foreign_strings_are_not_taken_for_verification_tokens(string? value) =>
        VerificationToken.LooksValid(value).ShouldBeFalse();

    [Fact]
    public void an_unknown_token_is_not_usable() =>
        VerificationRules.IsUsable(null, Clock.Now).ShouldBeFalse();

    [Fact]
    public void a_live_unspent_token_is_usable() =>
        VerificationRules.IsUsable(State(TimeSpan.FromSeconds(1)), Clock.Now).ShouldBeTrue();

    [Fact]
    public void a_spent_token_is_not_usable() =>
        VerificationRules.IsUsable(State(TimeSpan.FromHours(1), usedAt: MinutesAgo(1)), Clock.Now).ShouldBeFalse();

    [Fact]
    public void a_token_stops_working_at_its_expiry() =>
        VerificationRules.IsUsable(State(TimeSpan.Zero), Clock.Now).ShouldBeFalse();

    [Fact]
    public void an_expiry_read_back_with_unspecified_kind_is_read_as_utc()
    {
        var expiresAt = DateTime.SpecifyKind(Clock.Now.UtcDateTime.AddSeconds(1), DateTimeKind.Unspecified);
        VerificationRules.IsUsable(new VerificationState(Guid.NewGuid(), Guid.NewGuid(), expiresAt, null), Clock.Now).ShouldBeTrue();
    }

    [Fact]
    public void under_the_limit_a_mail_may_be_asked_for() =>
        VerificationRules.RetryAfter([MinutesAgo(50), MinutesAgo(5)], Clock.Now, Options).ShouldBeNull();

    [Fact]
    public void at_the_limit_the_wait_ends_when_the_oldest_request_leaves_the_window() =>
        VerificationRules.RetryAfter([MinutesAgo(5), MinutesAgo(40), MinutesAgo(20)], Clock.Now, Options)
            .ShouldBe(TimeSpan.FromMinutes(20));

    [Fact]
    public void over_a_lowered_limit_enough_old_requests_must_leave_the_window()
    {
        var lowered = new EmailVerificationOptions { MaxMailsPerWindow = 2, Window = TimeSpan.FromHours(1) };

        // Four in the window, two allowed: three must leave to get under the limit, the last of them 30 minutes ago.
        VerificationRules.RetryAfter([MinutesAgo(50), MinutesAgo(40), MinutesAgo(30), MinutesAgo(1)], Clock.Now, lowered)
            .ShouldBe(TimeSpan.FromMinutes(30));
    }
}
