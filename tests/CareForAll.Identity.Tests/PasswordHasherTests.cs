using CareForAll.Identity.Passwords;
using Microsoft.Extensions.Options;

namespace CareForAll.Identity.Tests;

public sealed class PasswordHasherTests
{
    private static PasswordHasher Hasher(int workFactor = 10) => new(Options.Create(new PasswordOptions { WorkFactor = workFactor }));

    [Fact]
    public void a_hash_verifies_its_password_and_no_other()
    {
        var hasher = Hasher();
        var hash = hasher.Hash("correct horse");

        hash.ShouldNotContain("correct horse");
        hash.ShouldContain("$10$");
        PasswordHasher.Verify("correct horse", hash).ShouldBeTrue();
        PasswordHasher.Verify("correct horsE", hash).ShouldBeFalse();
    }

    [Fact]
    public void the_same_password_hashes_differently_each_time()
    {
        var hasher = Hasher();
        hasher.Hash("correct horse").ShouldNotBe(hasher.Hash("correct horse"));
    }

    [Fact]
    public void a_work_factor_under_ten_is_refused_at_startup() =>
        Should.Throw<InvalidOperationException>(() => Hasher(9)).Message.ShouldContain("WorkFactor");

    [Fact]
    public void a_corrupt_stored_hash_fails_verification_instead_of_throwing() =>
        PasswordHasher.Verify("correct horse", "not-a-bcrypt-hash").ShouldBeFalse();

    [Fact]
    public void the_decoy_check_for_unknown_emails_always_fails() =>
        Hasher().VerifyDecoy("correct horse").ShouldBeFalse();
}
