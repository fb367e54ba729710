using System.Security.Cryptography;
using System.Text.Json;
using CareForAll.Identity.Tokens;
using Microsoft.IdentityModel.Tokens;
using Jwks = CareForAll.Identity.Features.Keys.Jwks;

namespace CareForAll.Identity.Tests;

public sealed class SigningKeyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void a_missing_key_fails_with_a_message_naming_the_setting(string? pem)
    {
        var error = Should.Throw<InvalidOperationException>(() => SigningKey.FromPem(pem));
        error.Message.ShouldContain("Auth:SigningKey");
    }

    [Fact]
    public void an_unreadable_key_fails_with_a_message_naming_the_setting()
    {
        var error = Should.Throw<InvalidOperationException>(() => SigningKey.FromPem("not a key"));
        error.Message.ShouldContain("Auth:SigningKey");
    }

    [Fact]
    public void a_key_on_another_curve_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var error = Should.Throw<InvalidOperationException>(() => SigningKey.FromPem(p384.ExportPkcs8PrivateKeyPem()));
        error.Message.ShouldContain("P-256");
    }

    [Fact]
    public void the_same_key_gets_the_same_kid_on_every_replica()
    {
        var pem = SigningKey.GeneratePem();
        using var first = SigningKey.FromPem(pem);
        using var second = SigningKey.FromPem(pem);
        using var other = SigningKey.FromPem(SigningKey.GeneratePem());

        first.KeyId.ShouldBe(second.KeyId);
        first.KeyId.ShouldNotBe(other.KeyId);
    }

    [Fact]
    public void a_pem_passed_with_escaped_newlines_is_read()
    {
        var pem = SigningKey.GeneratePem().Replace("\n", "\\n", StringComparison.Ordinal);
        using var key = SigningKey.FromPem(pem);
        key.KeyId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task the_jwks_document_validates_issued_tokens_and_holds_no_private_part()
    {
        using var fixture = new TokenFixture();
        var json = JsonSerializer.Serialize(Jwks.Mapper.ToResponse(fixture.Key), JsonSerializerOptions.Web);

        json.ShouldNotContain("\"d\"");
        var set = new JsonWebKeySet(json);
        var jwk = set.Keys.ShouldHaveSingleItem();
        jwk.Kty.ShouldBe("EC");
        jwk.Crv.ShouldBe("P-256");
        jwk.Alg.ShouldBe("ES256");
        jwk.Use.ShouldBe("sig");
        jwk.Kid.ShouldBe(fixture.Key.KeyId);

        var token = fixture.Issuer.Issue(Guid.NewGuid(), "ann@example.org", "USER", emailVerified: true);
        var result = await TokenFixture.ValidateAsync(token.Value, [.. set.GetSigningKeys()]);
        result.IsValid.ShouldBeTrue(result.Exception?.Message);
    }
}
