using Login = CareForAll.Identity.Features.Auth.Login;
using Refresh = CareForAll.Identity.Features.Auth.Refresh;
using UpdateProfile = CareForAll.Identity.Features.Profile.Update;

namespace CareForAll.Identity.Tests;

public sealed class OtherValidationTests
{
    [Fact]
    public void login_needs_both_fields()
    {
        var result = new Login.Validator().Validate(new Login.Request());

        result.Errors.Select(e => e.PropertyName).Distinct().ShouldBe(["Email", "Password"], ignoreOrder: true);
    }

    [Fact]
    public void refresh_needs_a_token() =>
        new Refresh.Validator().Validate(new Refresh.Request()).IsValid.ShouldBeFalse();

    [Fact]
    public void an_empty_profile_update_changes_nothing_and_is_valid() =>
        new UpdateProfile.Validator().Validate(new UpdateProfile.Request()).IsValid.ShouldBeTrue();

    [Fact]
    public void empty_strings_clear_profile_fields_and_are_valid() =>
        new UpdateProfile.Validator()
            .Validate(new UpdateProfile.Request { FirstName = "", Phone = "", AvatarUrl = "", Bio = "" })
            .IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path.png")]
    [InlineData("ftp://example.org/a.png")]
    public void an_avatar_url_must_be_absolute_http(string url)
    {
        var result = new UpdateProfile.Validator().Validate(new UpdateProfile.Request { AvatarUrl = url });

        result.Errors.ShouldContain(e => e.PropertyName == nameof(UpdateProfile.Request.AvatarUrl));
    }

    [Fact]
    public void overlong_profile_fields_are_refused()
    {
        var result = new UpdateProfile.Validator().Validate(new UpdateProfile.Request
        {
            FirstName = new string('a', 101),
            Bio = new string('b', 2001),
            Phone = "12345678901234567890123",
        });

        result.Errors.Select(e => e.PropertyName).Distinct().ShouldBe(["FirstName", "Bio", "Phone"], ignoreOrder: true);
    }
}
