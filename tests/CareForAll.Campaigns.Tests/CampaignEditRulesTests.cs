using CareForAll.Campaigns.Data;
using CareForAll.Campaigns.Domain;
using Create = CareForAll.Campaigns.Features.Campaigns.Create;
using Update = CareForAll.Campaigns.Features.Campaigns.Update;

namespace CareForAll.Campaigns.Tests;

public sealed class CampaignEditRulesTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CampaignRow Stored(string status = "active") => new()
    {
        Id = Guid.NewGuid(),
        Title = "Heart surgery for Rahim",
        Description = "Rahim needs an operation in Dhaka.",
        CampaignType = "medical",
        GoalAmount = 500000m,
        CurrentAmount = 1200m,
        Currency = "BDT",
        StartDate = Start,
        EndDate = Start.AddDays(60),
        Status = status,
        OrganizerId = Guid.NewGuid(),
        BeneficiaryName = "Rahim Uddin",
        BeneficiaryDetails = "Age 9, Mirpur",
        ImageUrl = "https://img.example.org/rahim.jpg",
        Documents = """[{"name": "Report", "url": "https://docs.example.org/r.pdf"}]""",
        Version = 3,
    };

    [Theory]
    [InlineData("goalAmount")]
    [InlineData("campaignType")]
    [InlineData("beneficiaryName")]
    [InlineData("beneficiaryDetails")]
    [InlineData("startDate")]
    public void an_active_campaigns_terms_are_fixed(string field)
    {
        var (outcome, fields) = CampaignEditRules.Check("active", [field, "title"]);

        outcome.ShouldBe(EditOutcome.TermsFixed);
        fields.ShouldBe([field]);
    }

    [Fact]
    public void every_fixed_field_an_edit_touches_is_named()
    {
        var (_, fields) = CampaignEditRules.Check("active", ["goalAmount", "beneficiaryName", "description"]);

        fields.ShouldBe(["goalAmount", "beneficiaryName"], ignoreOrder: true);
    }

    [Fact]
    public void an_active_campaigns_story_and_end_date_may_change() =>
        CampaignEditRules.Check("active", ["title", "description", "imageUrl", "documents", "endDate"]).Outcome.ShouldBe(EditOutcome.Allowed);

    [Fact]
    public void a_draft_may_change_everything() =>
        CampaignEditRules.Check("draft", [.. CampaignEditRules.FixedOnceActive, "title", "endDate"]).Outcome.ShouldBe(EditOutcome.Allowed);

    [Theory]
    [InlineData("completed")]
    [InlineData("expired")]
    [InlineData("cancelled")]
    public void a_closed_campaign_never_changes_even_by_an_empty_edit(string status) =>
        CampaignEditRules.Check(status, []).Outcome.ShouldBe(EditOutcome.Closed);

    [Fact]
    public void sending_back_the_stored_values_changes_nothing()
    {
        var row = Stored();
        var request = new Update.Request
        {
            Title = "  Heart surgery for Rahim ",
            GoalAmount = 500000.00m,
            CampaignType = "medical",
            StartDate = new DateTimeOffset(Start),
            EndDate = new DateTimeOffset(Start.AddDays(60)),
            BeneficiaryName = "Rahim Uddin",
            Documents = [new Create.DocumentInput { Name = "Report", Url = "https://docs.example.org/r.pdf" }],
        };

        var (_, changes, previous) = Update.CampaignEdit.Apply(row, request);

        changes.ShouldBeEmpty();
        previous.ShouldBeEmpty();
        CampaignEditRules.Check("active", changes).Outcome.ShouldBe(EditOutcome.Allowed);
    }

    [Fact]
    public void only_fields_whose_value_differs_are_changes()
    {
        var row = Stored();
        var request = new Update.Request
        {
            Title = "Heart surgery for little Rahim",
            GoalAmount = 500000m,
            EndDate = new DateTimeOffset(Start.AddDays(90)),
            ImageUrl = "",
            Documents = [],
        };

        var (edited, changes, _) = Update.CampaignEdit.Apply(row, request);

        changes.ShouldBe(["documents", "title", "endDate", "imageUrl"], ignoreOrder: true);
        edited.Title.ShouldBe("Heart surgery for little Rahim");
        edited.ImageUrl.ShouldBeNull();
        edited.Documents.ShouldBeEmpty();
        edited.GoalAmount.ShouldBe(500000m);
        edited.BeneficiaryName.ShouldBe("Rahim Uddin");
    }

    [Fact]
    public void raising_the_goal_of_an_active_campaign_is_refused_by_name()
    {
        var (_, changes, _) = Update.CampaignEdit.Apply(Stored(), new Update.Request { GoalAmount = 600000m, Title = "New title" });

        var (outcome, fields) = CampaignEditRules.Check("active", changes);

        outcome.ShouldBe(EditOutcome.TermsFixed);
        fields.ShouldBe(["goalAmount"]);
    }

    [Fact]
    public void an_empty_string_clears_an_optional_field_and_absent_keeps_it()
    {
        var (edited, changes, _) = Update.CampaignEdit.Apply(Stored("draft"), new Update.Request { BeneficiaryDetails = "  " });

        changes.ShouldBe(["beneficiaryDetails"]);
        edited.BeneficiaryDetails.ShouldBeNull();
        edited.BeneficiaryName.ShouldBe("Rahim Uddin");
        edited.ImageUrl.ShouldBe("https://img.example.org/rahim.jpg");
        edited.Documents.ShouldHaveSingleItem().Name.ShouldBe("Report");
    }

    [Fact]
    public void each_changed_field_keeps_its_value_from_before_the_edit()
    {
        var row = Stored("draft");
        var request = new Update.Request
        {
            Title = "Heart surgery for little Rahim",
            Description = "Rahim needs an operation in Dhaka.",
            GoalAmount = 650000.50m,
            EndDate = new DateTimeOffset(Start.AddDays(90)),
            ImageUrl = "",
            Documents = [],
        };

        var (_, changes, previous) = Update.CampaignEdit.Apply(row, request);

        previous.Keys.ShouldBe(changes, ignoreOrder: true);
        previous["title"].ShouldBe("Heart surgery for Rahim");
        previous["goalAmount"].ShouldBe(500000m);
        previous["endDate"].ShouldBe(new DateTimeOffset(Start.AddDays(60)));
        previous["imageUrl"].ShouldBe("https://img.example.org/rahim.jpg");
        ((IReadOnlyList<CampaignDocument>)previous["documents"]!).ShouldBe([new CampaignDocument("Report", "https://docs.example.org/r.pdf")]);
        previous.ContainsKey("description").ShouldBeFalse();
    }

    [Fact]
    public void a_field_that_was_empty_is_remembered_as_null()
    {
        var row = Stored("draft") with { ImageUrl = null, BeneficiaryDetails = null };

        var (_, _, previous) = Update.CampaignEdit.Apply(row, new Update.Request { ImageUrl = "https://img.example.org/new.jpg" });

        previous.ShouldContainKey("imageUrl");
        previous["imageUrl"].ShouldBeNull();
    }
}
