using System.Net;
using System.Security.Claims;
using CareForAll.Gateway.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace CareForAll.Gateway.Tests;

public sealed class RateLimitPartitionKeyTests
{
    private static readonly Guid UserId = Guid.Parse("0b6f7c1e-5a2d-4c7e-9a39-2f1d8d1c9e01");

    private static DefaultHttpContext Request(string address, ClaimsPrincipal? user = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (user is not null)
        {
            context.User = user;
        }

        return context;
    }

    private static ClaimsPrincipal Authenticated(Guid userId) =>
        new(new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("role", "USER")], "Bearer"));

    [Fact]
    public void an_authenticated_user_is_counted_by_user_id()
    {
        RateLimitPartitionKeys.For(Request("203.0.113.7", Authenticated(UserId)), RateLimitPartitionBy.UserOrClientAddress)
            .ShouldBe($"user:{UserId:D}");
    }

    [Fact]
    public void a_guest_is_counted_by_client_address()
    {
        RateLimitPartitionKeys.For(Request("203.0.113.7"), RateLimitPartitionBy.UserOrClientAddress)
            .ShouldBe("address:203.0.113.7");
    }

    [Fact]
    public void a_policy_by_address_ignores_the_user()
    {
        RateLimitPartitionKeys.For(Request("203.0.113.7", Authenticated(UserId)), RateLimitPartitionBy.ClientAddress)
            .ShouldBe("address:203.0.113.7");
    }

    [Fact]
    public void claims_from_an_unauthenticated_identity_do_not_pick_a_user_partition()
    {
        var unvalidated = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", UserId.ToString())]));

        RateLimitPartitionKeys.For(Request("203.0.113.7", unvalidated), RateLimitPartitionBy.UserOrClientAddress)
            .ShouldBe("address:203.0.113.7");
    }

    [Fact]
    public void a_subject_that_is_not_a_uuid_falls_back_to_the_address()
    {
        var odd = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "admin")], "Bearer"));

        RateLimitPartitionKeys.For(Request("198.51.100.1", odd), RateLimitPartitionBy.UserOrClientAddress)
            .ShouldBe("address:198.51.100.1");
    }

    [Fact]
    public void an_ipv4_mapped_address_counts_as_the_ipv4_address()
    {
        RateLimitPartitionKeys.ClientAddress(IPAddress.Parse("::ffff:203.0.113.7")).ShouldBe("203.0.113.7");
    }

    [Fact]
    public void ipv6_clients_share_a_counter_per_64_bit_prefix()
    {
        var first = RateLimitPartitionKeys.ClientAddress(IPAddress.Parse("2001:db8:1:2:aaaa::1"));
        var second = RateLimitPartitionKeys.ClientAddress(IPAddress.Parse("2001:db8:1:2:bbbb::2"));
        var otherPrefix = RateLimitPartitionKeys.ClientAddress(IPAddress.Parse("2001:db8:1:3::1"));

        first.ShouldBe("2001:db8:1:2::/64");
        second.ShouldBe(first);
        otherPrefix.ShouldNotBe(first);
    }

    [Fact]
    public void a_missing_address_gets_one_shared_partition()
    {
        RateLimitPartitionKeys.ClientAddress(null).ShouldBe("unknown");
    }

    [Theory]
    [InlineData(0.2, 1)]
    [InlineData(1.0, 1)]
    [InlineData(1.2, 2)]
    [InlineData(59.9, 60)]
    public void retry_after_is_rounded_up_to_whole_seconds(double seconds, int expected)
    {
        RateLimitRejection.RetryAfterSeconds(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
    }
}
