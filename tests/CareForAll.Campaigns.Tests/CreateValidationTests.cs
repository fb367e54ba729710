using Create = CareForAll.Campaigns.Features.Campaigns.Create;

namespace CareForAll.Campaigns.Tests;

public sealed class CreateValidationTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-03-01T10:00:00Z");
    private static readonly Create.Validator Validator = new(Clock);

    private static Create.Request Valid() => new()
    {
        Title = "Heart surgery for Rahim",
        Description = "Rahim, nine, needs an operation at the national heart foundation.",
        CampaignType = "medical",
        GoalAmount = 500000.50m,
        EndDate = Clock.Now.AddDays(60),
        BeneficiaryName = "Rahim Uddin",
        ImageUrl = "https://img.example.org/rahim.jpg",
        Documents = [new Create.DocumentInput { Name = "Medical report", Url = "https://docs.example.org/report.pdf" }],
    };

    private static IReadOnlyList<string> FailingFields(Create.Request request) =>
        [.. Validator.Validate(request).Errors.Select(e => e.PropertyName).Distinct()];

    [Fact]
    public void a_complete_request_is_valid() => Validator.Validate(Valid()).IsValid.ShouldBeTrue();

    [Fact]
    public void currency_and_start_date_may_be_left_out() =>
        Validator.Validate(new Create.Request
        {
            Title = "Flood relief",
            Description = "Dry food and clean water for families in Sylhet.",
            CampaignType = "emergency",
            GoalAmount = 1,
            EndDate = Clock.Now.AddDays(1),
        }).IsValid.ShouldBeTrue();

    [Fact]
    public void an_empty_request_names_every_required_field() =>
        FailingFields(new Create.Request()).ShouldBe(["Title", "Description", "CampaignType", "GoalAmount", "EndDate"], ignoreOrder: true);

    [Fact]
    public void every_bad_field_is_named_at_once()
    {
        var request = new Create.Request
        {
            Title = "ab",
            Description = "short",
            CampaignType = "charity",
            GoalAmount = 0,
            Currency = "USD",
            EndDate = Clock.Now.AddDays(-1),
            BeneficiaryName = new string('x', 256),
            BeneficiaryDetails = new string('x', 5001),
            ImageUrl = "javascript:alert(1)",
            Documents = [new Create.DocumentInput { Name = "", Url = "ftp://docs.example.org/a.pdf" }],
        };

        FailingFields(request).ShouldBe(
            ["Title", "Description", "CampaignType", "GoalAmount", "Currency", "EndDate", "BeneficiaryName", "BeneficiaryDetails",
             "ImageUrl", "Documents[0].Name", "Documents[0].Url"],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10.555")]
    [InlineData("10000000000000.00")]
    public void a_goal_must_be_positive_with_two_decimals_and_fit_numeric_15_2(string goal) =>
        FailingFields(WithGoal(decimal.Parse(goal, System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(["GoalAmount"]);

    [Theory]
    [InlineData("0.01")]
    [InlineData("10.50")]
    [InlineData("10.500")]
    [InlineData("9999999999999.99")]
    public void a_goal_within_numeric_15_2_is_accepted(string goal) =>
        Validator.Validate(WithGoal(decimal.Parse(goal, System.Globalization.CultureInfo.InvariantCulture))).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("USD")]
    [InlineData("bdt")]
    [InlineData("")]
    public void only_bdt_is_accepted(string currency) =>
        FailingFields(new Create.Request
        {
            Title = "Flood relief", Description = "Dry food and water for Sylhet.", CampaignType = "emergency", GoalAmount = 10,
            EndDate = Clock.Now.AddDays(3), Currency = currency,
        }).ShouldBe(["Currency"]);

    [Fact]
    public void the_end_date_must_be_in_the_future() =>
        FailingFields(WithDates(null, Clock.Now)).ShouldBe(["EndDate"]);

    [Fact]
    public void the_end_date_must_come_after_the_start_date() =>
        FailingFields(WithDates(Clock.Now.AddDays(30), Clock.Now.AddDays(20))).ShouldBe(["EndDate"]);

    [Fact]
    public void the_end_date_cannot_be_decades_away() =>
        FailingFields(WithDates(null, Clock.Now.AddYears(6))).ShouldBe(["EndDate"]);

    [Theory]
    [InlineData("medical")]
    [InlineData("education")]
    [InlineData("emergency")]
    [InlineData("long_term")]
    public void the_four_campaign_types_are_accepted(string type) =>
        Validator.Validate(new Create.Request
        {
            Title = "A campaign", Description = "A description long enough.", CampaignType = type, GoalAmount = 10,
            EndDate = Clock.Now.AddDays(3),
        }).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("/relative/image.png")]
    [InlineData("ftp://img.example.org/a.png")]
    [InlineData("not a url")]
    public void the_image_must_be_an_absolute_http_url(string url) =>
        FailingFields(new Create.Request
        {
            Title = "A campaign", Description = "A description long enough.", CampaignType = "medical", GoalAmount = 10,
            EndDate = Clock.Now.AddDays(3), ImageUrl = url,
        }).ShouldBe(["ImageUrl"]);

    [Fact]
    public void at_most_ten_documents()
    {
        var request = new Create.Request
        {
            Title = "A campaign", Description = "A description long enough.", CampaignType = "medical", GoalAmount = 10,
            EndDate = Clock.Now.AddDays(3),
            Documents = [.. Enumerable.Range(0, 11).Select(i => new Create.DocumentInput { Name = $"Doc {i}", Url = "https://d.example.org/x.pdf" })],
        };

        FailingFields(request).ShouldBe(["Documents"]);
    }

    [Fact]
    public void a_null_document_is_refused_by_position()
    {
        var request = new Create.Request
        {
            Title = "A campaign", Description = "A description long enough.", CampaignType = "medical", GoalAmount = 10,
            EndDate = Clock.Now.AddDays(3),
            Documents = [new Create.DocumentInput { Name = "Report", Url = "https://d.example.org/x.pdf" }, null!],
        };

        FailingFields(request).ShouldBe(["Documents[1]"]);
    }

    [Fact]
    public void a_whitespace_title_is_refused() =>
        FailingFields(new Create.Request
        {
            Title = "    ", Description = "A description long enough.", CampaignType = "medical", GoalAmount = 10, EndDate = Clock.Now.AddDays(3),
        }).ShouldBe(["Title"]);

    [Fact]
    public void the_new_campaign_is_trimmed_defaulted_and_organised_by_the_caller()
    {
        var organizer = Guid.NewGuid();
        var request = new Create.Request
        {
            Title = "  Flood relief  ",
            Description = " Dry food and water. ",
            CampaignType = "emergency",
            GoalAmount = 2500m,
            EndDate = Clock.Now.AddDays(10),
            BeneficiaryName = "   ",
            Documents = [new Create.DocumentInput { Name = " Plan ", Url = "https://d.example.org/p.pdf" }],
        };

        var campaign = Create.Mapper.ToNewCampaign(request, Guid.NewGuid(), organizer, Clock.Now);

        campaign.Title.ShouldBe("Flood relief");
        campaign.Description.ShouldBe("Dry food and water.");
        campaign.Currency.ShouldBe("BDT");
        campaign.StartDate.ShouldBe(Clock.Now);
        campaign.OrganizerId.ShouldBe(organizer);
        campaign.BeneficiaryName.ShouldBeNull();
        campaign.DocumentsJson.ShouldBe("""[{"name":"Plan","url":"https://d.example.org/p.pdf"}]""");
    }

    private static Create.Request WithGoal(decimal goal) => new()
    {
        Title = "A campaign", Description = "A description long enough.", CampaignType = "medical", GoalAmount = goal,
        EndDate = Clock.Now.AddDays(3),
    };

    private static Create.Request WithDates(DateTimeOffset? start, DateTimeOffset end) => new()
    {
        Title = "A campaign", Description = "A description long enough.", CampaignType = "medical", GoalAmount = 10,
        StartDate = start, EndDate = end,
    };
}
