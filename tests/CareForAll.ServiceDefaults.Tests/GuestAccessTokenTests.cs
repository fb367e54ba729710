using CareForAll.ServiceDefaults.Auth;
using CareForAll.ServiceDefaults.Tests.Support;
using Shouldly;

namespace CareForAll.ServiceDefaults.Tests;

public sealed class GuestAccessTokenTests
{
    private const string Key = "a-development-secret-of-at-least-32-characters";
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void a_pledge_token_opens_its_own_pledge_only()
    {
        var tokens = new GuestAccessTokens(Key, _clock);
        var pledgeId = Guid.NewGuid();

        var token = tokens.IssueForPledge(pledgeId, TimeSpan.FromDays(30));

        tokens.OpensPledge(token, pledgeId).ShouldBeTrue();
        tokens.OpensPledge(token, Guid.NewGuid()).ShouldBeFalse();
    }

    [Fact]
    public void a_token_stops_working_when_it_expires()
    {
        var tokens = new GuestAccessTokens(Key, _clock);
        var pledgeId = Guid.NewGuid();
        var token = tokens.IssueForPledge(pledgeId, TimeSpan.FromHours(1));

        _clock.Advance(TimeSpan.FromMinutes(59));
        tokens.OpensPledge(token, pledgeId).ShouldBeTrue();
        _clock.Advance(TimeSpan.FromMinutes(2));
        tokens.OpensPledge(token, pledgeId).ShouldBeFalse();
    }

    [Fact]
    public void a_token_for_one_purpose_never_opens_another()
    {
        var tokens = new GuestAccessTokens(Key, _clock);
        var subject = Guid.NewGuid().ToString("N");

        var history = tokens.Issue("history", subject, TimeSpan.FromDays(1));

        tokens.IsValid(history, "history", subject).ShouldBeTrue();
        tokens.IsValid(history, GuestAccessTokens.PledgePurpose, subject).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("g1.9999999999.")]
    [InlineData("g1.notanumber.abc")]
    [InlineData("g2.9999999999.abc")]
    [InlineData("garbage")]
    public void malformed_tokens_open_nothing(string? token)
    {
        new GuestAccessTokens(Key, _clock).OpensPledge(token, Guid.NewGuid()).ShouldBeFalse();
    }

    [Fact]
    public void a_token_signed_with_another_key_or_with_its_expiry_moved_opens_nothing()
    {
        var pledgeId = Guid.NewGuid();
        var ours = new GuestAccessTokens(Key, _clock);
        var theirs = new GuestAccessTokens(Key + "-but-another-one", _clock);
        var token = ours.IssueForPledge(pledgeId, TimeSpan.FromHours(1));
        var parts = token.Split('.');
        var extended = $"{parts[0]}.{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 86_400}.{parts[2]}";

        theirs.OpensPledge(token, pledgeId).ShouldBeFalse();
        ours.OpensPledge(extended, pledgeId).ShouldBeFalse();
    }

    [Fact]
    public void a_short_or_missing_key_is_a_configuration_error()
    {
        Should.Throw<InvalidOperationException>(() => new GuestAccessTokens("too-short", _clock));
        Should.Throw<InvalidOperationException>(() => new GuestAccessTokens((string?)null, _clock));
    }
}
