using System.Security.Claims;
using CareForAll.Pledges.Domain;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Pledges.Tests;

public sealed class PledgeAccessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly FixedClock _clock = new(Now);
    private readonly GuestAccessTokens _tokens;

    public PledgeAccessTests() => _tokens = new GuestAccessTokens(new string('k', 32), _clock);

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private static ClaimsPrincipal SignedIn(Guid userId, string role = CareForAllClaims.UserRole) =>
        new(new ClaimsIdentity(
            [new Claim(CareForAllClaims.Subject, userId.ToString()), new Claim(CareForAllClaims.Role, role)],
            authenticationType: "Bearer"));

    [Fact]
    public void a_guest_token_opens_its_own_pledge()
    {
        var pledgeId = Guid.NewGuid();
        var token = _tokens.IssueForPledge(pledgeId, TimeSpan.FromDays(30));

        PledgeAccess.CanRead(Anonymous, token, pledgeId, donorId: null, _tokens).ShouldBeTrue();
    }

    [Fact]
    public void a_guest_token_opens_no_other_pledge()
    {
        var token = _tokens.IssueForPledge(Guid.NewGuid(), TimeSpan.FromDays(30));

        PledgeAccess.CanRead(Anonymous, token, Guid.NewGuid(), donorId: null, _tokens).ShouldBeFalse();
    }

    [Fact]
    public void an_expired_guest_token_opens_nothing()
    {
        var pledgeId = Guid.NewGuid();
        var token = _tokens.IssueForPledge(pledgeId, TimeSpan.FromDays(30));
        _clock.Now = Now.AddDays(31);

        PledgeAccess.CanRead(Anonymous, token, pledgeId, donorId: null, _tokens).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("g1.9999999999.forged")]
    public void a_stranger_without_a_valid_token_is_refused(string? token) =>
        PledgeAccess.CanRead(Anonymous, token, Guid.NewGuid(), donorId: null, _tokens).ShouldBeFalse();

    [Fact]
    public void the_donor_reads_their_pledge()
    {
        var donor = Guid.NewGuid();
        PledgeAccess.CanRead(SignedIn(donor), null, Guid.NewGuid(), donor, _tokens).ShouldBeTrue();
    }

    [Fact]
    public void another_user_does_not()
    {
        PledgeAccess.CanRead(SignedIn(Guid.NewGuid()), null, Guid.NewGuid(), Guid.NewGuid(), _tokens).ShouldBeFalse();
        PledgeAccess.CanRead(SignedIn(Guid.NewGuid()), null, Guid.NewGuid(), donorId: null, _tokens).ShouldBeFalse();
    }

    [Fact]
    public void an_admin_reads_any_pledge() =>
        PledgeAccess.CanRead(SignedIn(Guid.NewGuid(), CareForAllClaims.AdminRole), null, Guid.NewGuid(), Guid.NewGuid(), _tokens)
            .ShouldBeTrue();
}
