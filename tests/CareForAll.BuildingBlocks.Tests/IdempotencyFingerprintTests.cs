using System.Text;
using CareForAll.BuildingBlocks.Idempotency;

namespace CareForAll.BuildingBlocks.Tests;

public sealed class IdempotencyFingerprintTests
{
    static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"amount":1500.00,"campaignId":"c1"}""");

    [Fact]
    public void same_request_gives_same_fingerprint()
    {
        IdempotencyFingerprint.Compute("POST", "/api/pledges", Body)
            .ShouldBe(IdempotencyFingerprint.Compute("post", "/api/pledges", Encoding.UTF8.GetBytes("""{"amount":1500.00,"campaignId":"c1"}""")));
    }

    [Fact]
    public void fingerprint_is_a_sha256_hex_string()
    {
        IdempotencyFingerprint.Compute("POST", "/api/pledges", Body).ShouldMatch("^[0-9a-f]{64}$");
    }

    [Theory]
    [InlineData("PUT", "/api/pledges", """{"amount":1500.00,"campaignId":"c1"}""")]
    [InlineData("POST", "/api/payments", """{"amount":1500.00,"campaignId":"c1"}""")]
    [InlineData("POST", "/api/pledges", """{"amount":1500.01,"campaignId":"c1"}""")]
    [InlineData("POST", "/api/pledges", "")]
    public void any_difference_in_method_path_or_body_changes_the_fingerprint(string method, string path, string body)
    {
        IdempotencyFingerprint.Compute(method, path, Encoding.UTF8.GetBytes(body))
            .ShouldNotBe(IdempotencyFingerprint.Compute("POST", "/api/pledges", Body));
    }

    [Fact]
    public void the_separator_keeps_path_and_body_apart()
    {
        IdempotencyFingerprint.Compute("POST", "/a", Encoding.UTF8.GetBytes("b"))
            .ShouldNotBe(IdempotencyFingerprint.Compute("POST", "/a\nb", []));
    }

    [Fact]
    public void guests_share_a_scope_per_route_and_users_get_their_own()
    {
        var guest = IdempotencyFingerprint.Scope("POST", "/api/pledges", null);
        guest.ShouldBe(IdempotencyFingerprint.Scope("post", "/api/pledges", ""));
        IdempotencyFingerprint.Scope("POST", "/api/pledges", "user-1").ShouldNotBe(guest);
        IdempotencyFingerprint.Scope("POST", "/api/pledges", "user-1")
            .ShouldNotBe(IdempotencyFingerprint.Scope("POST", "/api/pledges", "user-2"));
        IdempotencyFingerprint.Scope("POST", "/api/pledges", "user-1")
            .ShouldNotBe(IdempotencyFingerprint.Scope("POST", "/api/payments", "user-1"));
    }

    [Fact]
    public void key_is_read_from_either_header_and_blank_means_none()
    {
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary();
        IdempotencyPreProcessor.ReadKey(headers).ShouldBeNull();
        headers[IdempotencyHeaders.LegacyKey] = " legacy ";
        IdempotencyPreProcessor.ReadKey(headers).ShouldBe("legacy");
        headers[IdempotencyHeaders.Key] = "modern";
        IdempotencyPreProcessor.ReadKey(headers).ShouldBe("modern");
        headers[IdempotencyHeaders.Key] = "   ";
        IdempotencyPreProcessor.ReadKey(headers).ShouldBe("legacy");
    }

    [Theory]
    [InlineData("/api/Pledges/", "/api/pledges")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    public void paths_are_normalised_for_scope_and_fingerprint(string path, string expected)
    {
        IdempotencyPreProcessor.NormalizePath(new Microsoft.AspNetCore.Http.PathString(path)).ShouldBe(expected);
    }
}
