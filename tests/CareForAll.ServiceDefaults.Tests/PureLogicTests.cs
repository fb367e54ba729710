using System.Security.Claims;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using CareForAll.ServiceDefaults.Tests.Support;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace CareForAll.ServiceDefaults.Tests;

public sealed class PureLogicTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("A-z_0.9:x", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("white space", false)]
    [InlineData("new\nline", false)]
    [InlineData("comma,separated", false)]
    [InlineData("ünïcode", false)]
    public void request_ids_are_accepted_only_from_the_safe_alphabet(string? id, bool acceptable) =>
        RequestId.IsAcceptable(id).ShouldBe(acceptable);

    [Theory]
    [InlineData("1.2.0+0123456789abcdef0123456789abcdef01234567", "1.2.0", "0123456789abcdef0123456789abcdef01234567")]
    [InlineData("1.2.1-alpha.0.3+0123456789abcdef0123456789abcdef01234567", "1.2.1-alpha.0.3", "0123456789abcdef0123456789abcdef01234567")]
    [InlineData("0.0.0-alpha.0", "0.0.0-alpha.0", null)]
    public void the_running_version_is_the_stamped_version_without_the_commit_the_sdk_appends(string informational, string version, string? commit)
    {
        var running = ServiceVersion.Parse("payments", informational);

        running.ShouldBe(new ServiceVersion("payments", version, commit));
    }

    [Fact]
    public void request_ids_are_accepted_up_to_128_characters()
    {
        RequestId.IsAcceptable(new string('x', 128)).ShouldBeTrue();
        RequestId.IsAcceptable(new string('x', 129)).ShouldBeFalse();
    }

    [Fact]
    public void resolving_a_refused_id_generates_a_fresh_uuid_each_time()
    {
        var first = RequestId.Resolve("bad id");
        var second = RequestId.Resolve(null);

        Guid.TryParse(first, out _).ShouldBeTrue();
        Guid.TryParse(second, out _).ShouldBeTrue();
        first.ShouldNotBe(second);
        RequestId.Resolve("kept-1").ShouldBe("kept-1");
    }

    [Fact]
    public void deny_list_keys_follow_the_shared_format()
    {
        var userId = Guid.Parse("6F9619FF-8B86-D011-B42D-00C04FC964FF");

        DenyListKeys.DeniedToken("jti-1").ShouldBe("careforall:auth:denied-jti:jti-1");
        DenyListKeys.SuspendedUser(userId).ShouldBe("careforall:auth:suspended:6f9619ff-8b86-d011-b42d-00c04fc964ff");
        Should.Throw<ArgumentException>(() => DenyListKeys.DeniedToken(" "));
    }

    [Fact]
    public void a_denied_token_lives_until_its_expiry_and_an_expired_one_needs_no_entry()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        DenyListKeys.DeniedTokenTtl(now.AddMinutes(15), now).ShouldBe(TimeSpan.FromMinutes(15));
        DenyListKeys.DeniedTokenTtl(now.AddMilliseconds(10), now).ShouldBe(TimeSpan.FromSeconds(1));
        DenyListKeys.DeniedTokenTtl(now, now).ShouldBeNull();
        DenyListKeys.DeniedTokenTtl(now.AddMinutes(-1), now).ShouldBeNull();
    }

    [Theory]
    [InlineData(0, 20, 0)]
    [InlineData(1, 20, 1)]
    [InlineData(20, 20, 1)]
    [InlineData(21, 20, 2)]
    [InlineData(150, 20, 8)]
    [InlineData(5, 0, 0)]
    public void total_pages_rounds_up(long total, int limit, int pages) =>
        new PagedResult<int>([], 1, limit, total).TotalPages.ShouldBe(pages);

    [Theory]
    [InlineData("Email", "email")]
    [InlineData("HomeAddress.PostCode", "homeAddress.postCode")]
    [InlineData("Items[0].Name", "items[0].name")]
    [InlineData("alreadyCamel", "alreadyCamel")]
    [InlineData("", "request")]
    public void validation_field_names_are_camel_cased_per_segment(string property, string field) =>
        FastEndpointsEnvelope.FieldName(property).ShouldBe(field);

    [Fact]
    public void validation_failures_on_one_field_are_grouped_and_every_field_listed()
    {
        var context = new DefaultHttpContext();
        context.Items[RequestId.ItemKey] = "rid-1";

        var envelope = FastEndpointsEnvelope.BuildErrorResponse(
            [new("Password", "Too short."), new("Password", "Needs a digit."), new("Email", "Malformed.")],
            context,
            400);

        envelope.Success.ShouldBeFalse();
        envelope.Error.Code.ShouldBe(ErrorCodes.ValidationError);
        envelope.Meta.RequestId.ShouldBe("rid-1");
        var details = envelope.Error.Details.ShouldBeOfType<Dictionary<string, string[]>>();
        details["password"].ShouldBe(["Too short.", "Needs a digit."]);
        details["email"].ShouldBe(["Malformed."]);
    }

    [Fact]
    public void a_thrown_error_with_another_status_keeps_that_status_code_and_its_message()
    {
        var envelope = FastEndpointsEnvelope.BuildErrorResponse([new("GeneralErrors", "Campaign is closed.")], new DefaultHttpContext(), 409);

        envelope.Error.Code.ShouldBe(ErrorCodes.Conflict);
        envelope.Error.Message.ShouldBe("Campaign is closed.");
    }

    [Fact]
    public void wrapping_passes_envelopes_through_and_turns_error_statuses_into_errors()
    {
        var context = new DefaultHttpContext();
        var error = EnvelopeWriter.Error(context, "X", "y");

        EnvelopeWriter.Wrap(context, 200, error).ShouldBeSameAs(error);
        EnvelopeWriter.Wrap(context, 200, "data").ShouldBeOfType<SuccessEnvelope>().Data.ShouldBe("data");
        EnvelopeWriter.Wrap(context, 422, new { reason = "r" }).ShouldBeOfType<ErrorEnvelope>().Error.Code.ShouldBe("UNPROCESSABLE_ENTITY");
        EnvelopeWriter.Wrap(context, 200, new PagedResult<int>([1, 2], 1, 2, 2)).ShouldBeOfType<PagedEnvelope>().Pagination.TotalPages.ShouldBe(1);
    }

    [Fact]
    public void claims_helpers_read_sub_and_role()
    {
        var id = Guid.NewGuid();
        var admin = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", id.ToString()), new Claim("role", "ADMIN"), new Claim("email", "a@b.c")], "test"));
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "not-a-guid"), new Claim("role", "USER")], "test"));

        admin.UserId().ShouldBe(id);
        admin.IsAdmin().ShouldBeTrue();
        admin.Email().ShouldBe("a@b.c");
        user.UserId().ShouldBeNull();
        user.IsAdmin().ShouldBeFalse();
        new ClaimsPrincipal().UserId().ShouldBeNull();
    }

    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("bearer   abc.def.ghi  ", "abc.def.ghi")]
    [InlineData("Basic dXNlcjpwYXNz", null)]
    [InlineData("Bearer ", null)]
    [InlineData("", null)]
    public void the_bearer_token_is_taken_from_the_authorization_header(string header, string? token) =>
        CareForAllJwtEvents.BearerToken(header).ShouldBe(token);

    [Fact]
    public void the_key_id_is_read_from_an_unvalidated_token_and_garbage_yields_none()
    {
        using var tokens = new TestTokens("kid-42");

        CareForAllJwtEvents.KeyId(tokens.Create()).ShouldBe("kid-42");
        CareForAllJwtEvents.KeyId("not a token").ShouldBeNull();
        CareForAllJwtEvents.KeyId("a.b.c").ShouldBeNull();
    }
}
