using ChangeStatus = CareForAll.Campaigns.Features.Campaigns.ChangeStatus;
using Create = CareForAll.Campaigns.Features.Campaigns.Create;
using List = CareForAll.Campaigns.Features.Campaigns.List;
using ListByOrganizer = CareForAll.Campaigns.Features.Campaigns.ListByOrganizer;
using Update = CareForAll.Campaigns.Features.Campaigns.Update;

namespace CareForAll.Campaigns.Tests;

public sealed class OtherValidationTests
{
    private static readonly FixedClock Clock = FixedClock.At("2026-03-01T10:00:00Z");

    [Fact]
    public void an_empty_edit_is_valid() => new Update.Validator(Clock).Validate(new Update.Request()).IsValid.ShouldBeTrue();

    [Fact]
    public void an_edit_names_each_bad_field()
    {
        var request = new Update.Request
        {
            Title = "",
            Description = "tiny",
            CampaignType = "other",
            GoalAmount = -1,
            Currency = "EUR",
            EndDate = Clock.Now.AddDays(-2),
            ImageUrl = "file:///etc/passwd",
            Documents = [new Create.DocumentInput { Name = "Report" }],
        };

        new Update.Validator(Clock).Validate(request).Errors.Select(e => e.PropertyName).Distinct().ShouldBe(
            ["Title", "Description", "CampaignType", "GoalAmount", "Currency", "EndDate", "ImageUrl", "Documents[0].Url"],
            ignoreOrder: true);
    }

    [Fact]
    public void an_edit_may_clear_the_image_with_an_empty_string() =>
        new Update.Validator(Clock).Validate(new Update.Request { ImageUrl = "" }).IsValid.ShouldBeTrue();

    [Fact]
    public void an_edit_moving_the_end_before_the_new_start_is_refused() =>
        new Update.Validator(Clock).Validate(new Update.Request { StartDate = Clock.Now.AddDays(9), EndDate = Clock.Now.AddDays(5) })
            .Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("EndDate");

    [Theory]
    [InlineData("draft")]
    [InlineData("cancelled")]
    [InlineData("everything")]
    public void the_public_list_refuses_statuses_it_never_shows(string status) =>
        new List.Validator().Validate(new List.Request { Status = status }).Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Status");

    [Theory]
    [InlineData("active")]
    [InlineData("completed")]
    [InlineData("expired")]
    public void the_public_list_filters_by_its_three_statuses(string status) =>
        new List.Validator().Validate(new List.Request { Status = status }).IsValid.ShouldBeTrue();

    [Fact]
    public void the_public_list_names_each_bad_filter()
    {
        var request = new List.Request { Type = "charity", Sort = "cheapest", Page = 0, Limit = 101, Q = new string('q', 201) };

        new List.Validator().Validate(request).Errors.Select(e => e.PropertyName).ShouldBe(["Type", "Q", "Sort", "Page", "Limit"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("newest")]
    [InlineData("ending_soon")]
    [InlineData("most_raised")]
    [InlineData("goal_progress")]
    public void the_public_list_sorts_four_ways(string sort) =>
        new List.Validator().Validate(new List.Request { Sort = sort, Limit = 100 }).IsValid.ShouldBeTrue();

    [Fact]
    public void an_organisers_list_accepts_any_status_but_no_other() =>
        new ListByOrganizer.Validator().Validate(new ListByOrganizer.Request { Status = "draft" }).IsValid.ShouldBeTrue();

    [Fact]
    public void an_organisers_list_refuses_an_unknown_status() =>
        new ListByOrganizer.Validator().Validate(new ListByOrganizer.Request { Status = "pending" }).IsValid.ShouldBeFalse();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("approved")]
    [InlineData("ACTIVE")]
    public void a_status_move_needs_a_known_status(string? status) =>
        new ChangeStatus.Validator().Validate(new ChangeStatus.Request { Status = status }).Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Status");

    [Fact]
    public void a_status_moves_reason_is_bounded() =>
        new ChangeStatus.Validator().Validate(new ChangeStatus.Request { Status = "cancelled", Reason = new string('r', 501) })
            .Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Reason");
}
