using System.Globalization;
using System.Text.Json;
using CareForAll.Pledges.Domain;
using Create = CareForAll.Pledges.Features.Pledges.Create;

namespace CareForAll.Pledges.Tests;

public sealed class CreateValidationTests
{
    private static readonly Create.Validator Validator = new();

    private static Create.Request Guest(
        string amount = "100.00", string? currency = null, string? email = "ann@example.org", string? tokenEmail = null) => new()
        {
            CampaignId = Guid.NewGuid(),
            Amount = decimal.Parse(amount, CultureInfo.InvariantCulture),
            Currency = currency,
            DonorEmail = email,
            DonorName = "Ann",
            Message = "Get well soon",
            TokenEmail = tokenEmail,
        };

    private static IEnumerable<string> FailingFields(Create.Request request) =>
        Validator.Validate(request).Errors.Select(e => e.PropertyName).Distinct();

    [Fact]
    public void a_complete_guest_pledge_is_valid() =>
        Validator.Validate(Guest()).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("10.00")]
    [InlineData("10")]
    [InlineData("500000.00")]
    [InlineData("1234.5")]
    [InlineData("10.000")]
    public void amounts_from_ten_to_five_hundred_thousand_with_at_most_two_decimals_are_accepted(string amount) =>
        Validator.Validate(Guest(amount)).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("9.99")]
    [InlineData("0")]
    [InlineData("-50")]
    [InlineData("500000.01")]
    [InlineData("10.001")]
    [InlineData("123.456")]
    public void other_amounts_are_refused(string amount) =>
        FailingFields(Guest(amount)).ShouldBe(["Amount"]);

    [Fact]
    public void a_missing_amount_is_refused() =>
        FailingFields(new Create.Request { CampaignId = Guid.NewGuid(), DonorEmail = "ann@example.org" }).ShouldBe(["Amount"]);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("BDT")]
    [InlineData("bdt")]
    public void bdt_or_no_currency_is_accepted(string? currency) =>
        Validator.Validate(Guest(currency: currency)).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("BDTX")]
    public void any_other_currency_is_refused(string currency) =>
        FailingFields(Guest(currency: currency)).ShouldBe(["Currency"]);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void a_guest_without_an_email_is_refused(string? email) =>
        FailingFields(Guest(email: email)).ShouldBe(["DonorEmail"]);

    [Theory]
    [InlineData("ann")]
    [InlineData("ann@example")]
    [InlineData("Ann <ann@example.org>")]
    public void a_guest_with_a_malformed_email_is_refused(string email) =>
        FailingFields(Guest(email: email)).ShouldBe(["DonorEmail"]);

    [Fact]
    public void a_signed_in_donor_needs_no_email_in_the_body() =>
        Validator.Validate(Guest(email: null, tokenEmail: "ann@example.org")).IsValid.ShouldBeTrue();

    [Fact]
    public void a_long_message_is_refused()
    {
        var request = Guest();
        FailingFields(new Create.Request
        {
            CampaignId = request.CampaignId,
            Amount = request.Amount,
            DonorEmail = request.DonorEmail,
            Message = new string('x', 501),
        }).ShouldBe(["Message"]);
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public void metadata_that_is_not_an_object_is_refused(string json) =>
        FailingFields(WithMetadata(json)).ShouldBe(["Metadata"]);

    [Fact]
    public void metadata_over_four_kilobytes_is_refused() =>
        FailingFields(WithMetadata($"{{\"note\":\"{new string('x', 4100)}\"}}")).ShouldBe(["Metadata"]);

    [Fact]
    public void a_small_metadata_object_is_accepted() =>
        Validator.Validate(WithMetadata("""{"phone":"+8801711000000","referrer":"friend"}""")).IsValid.ShouldBeTrue();

    [Fact]
    public void every_failing_field_is_named()
    {
        var request = new Create.Request
        {
            Amount = 5m,
            Currency = "USD",
            DonorName = new string('n', 256),
            Message = new string('m', 501),
            Metadata = JsonSerializer.Deserialize<JsonElement>("[]"),
        };

        FailingFields(request).ShouldBe(
            ["CampaignId", "Amount", "Currency", "DonorEmail", "DonorName", "Message", "Metadata"], ignoreOrder: true);
    }

    [Fact]
    public void the_stored_pledge_is_normalised()
    {
        var request = new Create.Request
        {
            CampaignId = Guid.NewGuid(),
            Amount = 250m,
            Currency = "bdt",
            DonorEmail = "  Ann@Example.ORG ",
            DonorName = "  ",
            Message = "  Get well soon  ",
        };

        var pledge = Create.Mapper.ToNewPledge(request, Guid.NewGuid(), userId: null, request.DonorEmail!, DateTimeOffset.UtcNow);

        pledge.DonorEmail.ShouldBe("ann@example.org");
        pledge.DonorName.ShouldBeNull();
        pledge.Message.ShouldBe("Get well soon");
        pledge.Currency.ShouldBe(PledgeAmount.Currency);
        pledge.Metadata.ShouldBeNull();
    }

    [Fact]
    public void a_token_email_in_the_body_is_never_read()
    {
        const string body = """{"campaignId":"0196c0de-0000-7000-8000-000000000001","amount":100,"tokenEmail":"eve@example.org"}""";
        var request = JsonSerializer.Deserialize<Create.Request>(body, JsonSerializerOptions.Web)!;

        request.TokenEmail.ShouldBeNull();
        FailingFields(request).ShouldBe(["DonorEmail"]);
    }

    private static Create.Request WithMetadata(string json) => new()
    {
        CampaignId = Guid.NewGuid(),
        Amount = 100m,
        DonorEmail = "ann@example.org",
        Metadata = JsonSerializer.Deserialize<JsonElement>(json),
    };
}
