using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareForAll.ServiceDefaults.Tests.Support;
using Shouldly;

namespace CareForAll.ServiceDefaults.Tests;

[Collection(EndpointsAppGroup.Name)]
public sealed class EnvelopeTests(EndpointsApp app)
{
    [Fact]
    public async Task a_read_sent_with_a_json_content_type_and_no_body_is_answered_not_refused()
    {
        var id = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/test/campaigns/{id}")
        {
            Content = new ByteArrayContent([]) { Headers = { ContentType = new("application/json") } },
        };

        using var response = await app.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EndpointsApp.BodyOf(response)).GetProperty("data").GetProperty("campaign").GetString().ShouldBe(id.ToString());
    }

    [Fact]
    public async Task an_endpoint_that_returns_its_response_is_wrapped_in_the_success_envelope()
    {
        using var response = await app.Client.GetAsync(new Uri("/test/donation", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await EndpointsApp.BodyOf(response);
        body.GetProperty("success").GetBoolean().ShouldBeTrue();
        body.GetProperty("data").GetProperty("campaign").GetString().ShouldBe("Flood relief");
        body.GetProperty("data").GetProperty("amount").GetDecimal().ShouldBe(1500.50m);
        body.TryGetProperty("error", out _).ShouldBeFalse();
        var meta = body.GetProperty("meta");
        meta.GetProperty("timestamp").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        meta.GetProperty("requestId").GetString().ShouldBe(response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task a_paged_result_becomes_a_list_with_pagination()
    {
        using var response = await app.Client.GetAsync(new Uri("/test/donations", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await EndpointsApp.BodyOf(response);
        body.GetProperty("success").GetBoolean().ShouldBeTrue();
        body.GetProperty("data").ValueKind.ShouldBe(JsonValueKind.Array);
        body.GetProperty("data").GetArrayLength().ShouldBe(2);
        body.GetProperty("data")[1].GetProperty("campaign").GetString().ShouldBe("B");
        var pagination = body.GetProperty("pagination");
        pagination.GetProperty("page").GetInt32().ShouldBe(2);
        pagination.GetProperty("limit").GetInt32().ShouldBe(2);
        pagination.GetProperty("total").GetInt64().ShouldBe(5);
        pagination.GetProperty("totalPages").GetInt32().ShouldBe(3);
        body.GetProperty("meta").GetProperty("requestId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task a_validation_error_lists_every_failing_field_in_camel_case()
    {
        using var response = await app.Client.PostAsJsonAsync(
            "/test/register",
            new { email = "not-an-email", password = "short", homeAddress = new { postCode = "" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await EndpointsApp.BodyOf(response);
        body.GetProperty("success").GetBoolean().ShouldBeFalse();
        var error = body.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
        error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        var details = error.GetProperty("details");
        details.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["email", "homeAddress.postCode", "password"]);
        details.GetProperty("email")[0].GetString().ShouldBe("Email is malformed.");
        details.GetProperty("password")[0].GetString().ShouldBe("Password must have at least 8 characters.");
        body.GetProperty("meta").GetProperty("requestId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task an_empty_body_reports_each_required_field()
    {
        using var response = await app.Client.PostAsJsonAsync("/test/register", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var details = (await EndpointsApp.BodyOf(response)).GetProperty("error").GetProperty("details");
        details.GetProperty("email")[0].GetString().ShouldBe("Email is required.");
        details.GetProperty("password")[0].GetString().ShouldBe("Password is required.");
    }

    [Fact]
    public async Task malformed_json_is_a_400_envelope()
    {
        using var content = new StringContent("{\"email\": ", Encoding.UTF8, "application/json");
        using var response = await app.Client.PostAsync(new Uri("/test/register", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await EndpointsApp.BodyOf(response);
        body.GetProperty("success").GetBoolean().ShouldBeFalse();
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public async Task user_text_comes_back_with_markup_characters_escaped_and_bangla_readable()
    {
        const string text = "<script>alert('x')</script> & \"দান\"";
        using var response = await app.Client.PostAsJsonAsync("/test/echo", new { text });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var raw = await response.Content.ReadAsStringAsync();
        raw.ShouldNotContain("<script");
        raw.ShouldNotContain("</script>");
        raw.ShouldContain("\\u003Cscript\\u003E");
        raw.ShouldContain("দান");
        JsonDocument.Parse(raw).RootElement.GetProperty("data").GetProperty("campaign").GetString().ShouldBe(text);
    }

    [Theory]
    [InlineData("[1,2,3]", "serializerErrors")]
    [InlineData("\"just a string\"", "serializerErrors")]
    [InlineData("{\"text\": {\"nested\": true}}", "text")]
    [InlineData("{\"amount\": \"lots\"}", "amount")]
    [InlineData("{\"text\": \"x\", \"amount\": 1e999}", "amount")]
    public async Task a_body_of_the_wrong_shape_is_a_400_that_names_the_field_but_no_type_of_the_code(string json, string field)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await app.Client.PostAsync(new Uri("/test/echo", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var raw = await response.Content.ReadAsStringAsync();
        raw.ShouldNotContain("CareForAll");
        raw.ShouldNotContain("System.");
        raw.ShouldNotContain("LineNumber");
        var error = JsonDocument.Parse(raw).RootElement.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("VALIDATION_ERROR");
        error.GetProperty("details").TryGetProperty(field, out var messages).ShouldBeTrue(raw);
        if (field == "serializerErrors")
        {
            messages[0].GetString()!.ShouldStartWith("The request body is not valid JSON of the expected shape");
        }
    }

    [Fact]
    public async Task an_api_exception_becomes_its_status_code_and_details()
    {
        using var response = await app.Client.GetAsync(new Uri("/test/conflict", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var error = (await EndpointsApp.BodyOf(response)).GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("EMAIL_TAKEN");
        error.GetProperty("message").GetString().ShouldBe("That email is already registered.");
        error.GetProperty("details").GetProperty("email").GetString().ShouldBe("taken@example.org");
    }

    [Fact]
    public async Task an_unexpected_exception_is_a_500_without_its_message_even_in_development()
    {
        using var response = await app.Client.GetAsync(new Uri("/test/boom", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("hunter2");
        text.ShouldNotContain("InvalidOperationException");
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("success").GetBoolean().ShouldBeFalse();
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("INTERNAL_ERROR");
        body.GetProperty("meta").GetProperty("requestId").GetString().ShouldBe(response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task send_not_found_from_an_endpoint_is_a_404_envelope()
    {
        using var response = await app.Client.GetAsync(new Uri("/test/missing", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await EndpointsApp.BodyOf(response)).GetProperty("error").GetProperty("code").GetString().ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task an_unknown_route_is_a_404_envelope()
    {
        using var response = await app.Client.GetAsync(new Uri("/no/such/route", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = await EndpointsApp.BodyOf(response);
        body.GetProperty("success").GetBoolean().ShouldBeFalse();
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("NOT_FOUND");
        response.Headers.Contains("X-Request-Id").ShouldBeTrue();
    }

    [Fact]
    public async Task a_wrong_method_is_a_405_envelope()
    {
        using var response = await app.Client.DeleteAsync(new Uri("/test/donation", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await EndpointsApp.BodyOf(response)).GetProperty("error").GetProperty("code").GetString().ShouldBe("METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task a_body_over_the_limit_is_a_413_envelope()
    {
        using var response = await app.Client.PostAsJsonAsync("/test/upload", new { text = new string('x', (int)EndpointsApp.BodyLimit * 4) });

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await EndpointsApp.BodyOf(response)).GetProperty("error").GetProperty("code").GetString().ShouldBe("PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task a_wrong_content_type_is_a_415_envelope()
    {
        using var content = new StringContent("text", Encoding.UTF8, "text/plain");
        using var response = await app.Client.PostAsync(new Uri("/test/upload", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await EndpointsApp.BodyOf(response)).GetProperty("error").GetProperty("code").GetString().ShouldBe("UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task health_endpoints_answer_plainly()
    {
        using var health = await app.Client.GetAsync(new Uri("/health", UriKind.Relative));
        using var alive = await app.Client.GetAsync(new Uri("/alive", UriKind.Relative));

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await health.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
