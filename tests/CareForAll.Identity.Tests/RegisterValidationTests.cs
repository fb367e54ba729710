using System.Text.Json;
using Register = CareForAll.Identity.Features.Auth.Register;

namespace CareForAll.Identity.Tests;

public sealed class RegisterValidationTests
{
    private static readonly Register.Validator Validator = new();

    private static Register.Request Valid(string email = "ann@example.org", string password = "correct horse") =>
        new() { Email = email, Password = password, FirstName = "Ann", LastName = "Lee", Phone = "+880 1711-000000" };

    [Fact]
    public void a_complete_request_is_valid() =>
        Validator.Validate(Valid()).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("ann")]
    [InlineData("ann@")]
    [InlineData("@example.org")]
    [InlineData("ann@example")]
    [InlineData("ann@@example.org")]
    [InlineData("ann example@example.org")]
    [InlineData("Ann <ann@example.org>")]
    [InlineData("ann@example..org")]
    [InlineData("ann@-example.org")]
    public void a_malformed_email_is_refused(string email)
    {
        var result = Validator.Validate(Valid(email: email));

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.PropertyName == nameof(Register.Request.Email));
    }

    [Fact]
    public void an_overlong_email_is_refused() =>
        Validator.Validate(Valid(email: new string('a', 250) + "@example.org")).IsValid.ShouldBeFalse();

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    public void a_password_under_eight_characters_is_refused(string password)
    {
        var result = Validator.Validate(Valid(password: password));

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.PropertyName == nameof(Register.Request.Password));
    }

    [Fact]
    public void a_password_of_exactly_eight_characters_is_accepted() =>
        Validator.Validate(Valid(password: "12345678")).IsValid.ShouldBeTrue();

    [Fact]
    public void a_password_bcrypt_would_truncate_is_refused() =>
        Validator.Validate(Valid(password: new string('x', 73))).IsValid.ShouldBeFalse();

    [Fact]
    public void error_messages_never_echo_the_password()
    {
        var result = Validator.Validate(Valid(password: "hunter2"));
        result.Errors.ShouldAllBe(e => !e.ErrorMessage.Contains("hunter2"));
    }

    [Fact]
    public void every_failing_field_is_reported()
    {
        var result = Validator.Validate(new Register.Request { Email = "nope", Password = "short", Phone = "call me" });

        result.Errors.Select(e => e.PropertyName).Distinct().ShouldBe(["Email", "Password", "Phone"], ignoreOrder: true);
    }

    [Fact]
    public void a_role_in_the_request_body_is_ignored()
    {
        const string body = """{"email":"Eve@Example.org","password":"correct horse","role":"ADMIN","Role":"ADMIN"}""";
        var request = JsonSerializer.Deserialize<Register.Request>(body, JsonSerializerOptions.Web)!;

        typeof(Register.Request).GetProperty("Role").ShouldBeNull();
        Validator.Validate(request).IsValid.ShouldBeTrue();
        var user = Register.Mapper.ToNewUser(request, Guid.NewGuid(), "hash", DateTimeOffset.UtcNow);
        user.Role.ShouldBe("USER");
        user.Email.ShouldBe("eve@example.org");
    }

    [Fact]
    public void blank_optional_fields_are_stored_as_null()
    {
        var user = Register.Mapper.ToNewUser(
            new Register.Request { Email = " ann@example.org ", Password = "x", FirstName = "  ", LastName = " Lee " },
            Guid.NewGuid(),
            "hash",
            DateTimeOffset.UtcNow);

        user.Email.ShouldBe("ann@example.org");
        user.FirstName.ShouldBeNull();
        user.LastName.ShouldBe("Lee");
        user.Phone.ShouldBeNull();
    }

    [Fact]
    public void the_registered_event_carries_the_user_but_not_the_password_hash()
    {
        var now = DateTimeOffset.UtcNow;
        var user = Register.Mapper.ToNewUser(Valid(), Guid.NewGuid(), "$2a$10$secret", now);

        var data = Register.Mapper.ToEvent(user);
        var json = JsonSerializer.Serialize(data, JsonSerializerOptions.Web);

        data.UserId.ShouldBe(user.Id);
        data.Email.ShouldBe("ann@example.org");
        data.Role.ShouldBe("USER");
        data.FirstName.ShouldBe("Ann");
        data.LastName.ShouldBe("Lee");
        data.OccurredAt.ShouldBe(now);
        json.ShouldNotContain("secret");
    }
}
