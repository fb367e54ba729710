using CareForAll.Campaigns.Domain;

namespace CareForAll.Campaigns.Tests;

public sealed class CampaignTransitionsTests
{
    private const CallerRoles Admin = CallerRoles.Admin;
    private const CallerRoles Organizer = CallerRoles.Organizer;

    // Theory data carries roles as ints: the enum is internal to the service.
    private const int AsAdmin = (int)CallerRoles.Admin;
    private const int AsOrganizer = (int)CallerRoles.Organizer;

    /// <summary>Every move of ARCHITECTURE.md section 6 a request may make, and who may make it.</summary>
    public static TheoryData<string, string, int> AllowedMoves => new()
    {
        { "draft", "active", AsAdmin },
        { "draft", "cancelled", AsAdmin },
        { "draft", "cancelled", AsOrganizer },
        { "active", "completed", AsAdmin },
        { "active", "completed", AsOrganizer },
        { "active", "cancelled", AsAdmin },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void an_allowed_move_with_a_reason_is_allowed(string from, string to, int roles) =>
        CampaignTransitions.Decide(from, to, (CallerRoles)roles, "because").ShouldBe(TransitionOutcome.Allowed);

    [Fact]
    public void every_other_pair_of_statuses_is_refused_to_everyone()
    {
        var allowed = AllowedMoves.Select(row => ((string)row[0], (string)row[1])).ToHashSet();
        foreach (var from in CampaignStatus.All)
        {
            foreach (var to in CampaignStatus.All)
            {
                if (allowed.Contains((from, to)))
                {
                    continue;
                }

                foreach (var roles in new[] { CallerRoles.None, Organizer, Admin, Admin | Organizer })
                {
                    CampaignTransitions.Decide(from, to, roles, "because").ShouldBe(TransitionOutcome.Refused, $"{from} -> {to} as {roles}");
                }
            }
        }
    }

    [Theory]
    [InlineData("draft", "active")]
    [InlineData("active", "cancelled")]
    public void an_organizer_cannot_make_admin_moves(string from, string to) =>
        CampaignTransitions.Decide(from, to, Organizer, "please").ShouldBe(TransitionOutcome.Refused);

    [Theory]
    [InlineData("draft", "cancelled")]
    [InlineData("draft", "active")]
    [InlineData("active", "completed")]
    [InlineData("active", "cancelled")]
    public void a_stranger_cannot_move_anything(string from, string to) =>
        CampaignTransitions.Decide(from, to, CallerRoles.None, "because").ShouldBe(TransitionOutcome.Refused);

    [Theory]
    [InlineData("draft", "cancelled", null)]
    [InlineData("draft", "cancelled", "   ")]
    [InlineData("active", "cancelled", null)]
    [InlineData("active", "cancelled", "")]
    public void an_admin_rejecting_or_cancelling_must_say_why(string from, string to, string? reason) =>
        CampaignTransitions.Decide(from, to, Admin, reason).ShouldBe(TransitionOutcome.ReasonRequired);

    [Fact]
    public void an_organizer_withdraws_their_draft_without_a_reason() =>
        CampaignTransitions.Decide("draft", "cancelled", Organizer, null).ShouldBe(TransitionOutcome.Allowed);

    [Fact]
    public void an_admin_withdrawing_their_own_draft_does_so_as_its_organizer() =>
        CampaignTransitions.Decide("draft", "cancelled", Admin | Organizer, null).ShouldBe(TransitionOutcome.Allowed);

    [Theory]
    [InlineData("draft", "active")]
    [InlineData("active", "completed")]
    public void approving_and_closing_need_no_reason(string from, string to) =>
        CampaignTransitions.Decide(from, to, Admin, null).ShouldBe(TransitionOutcome.Allowed);

    [Fact]
    public void the_allowed_targets_depend_on_who_asks()
    {
        CampaignTransitions.AllowedTargets("draft", Admin).ShouldBe(["active", "cancelled"], ignoreOrder: true);
        CampaignTransitions.AllowedTargets("draft", Organizer).ShouldBe(["cancelled"]);
        CampaignTransitions.AllowedTargets("active", Organizer).ShouldBe(["completed"]);
        CampaignTransitions.AllowedTargets("active", Admin).ShouldBe(["completed", "cancelled"], ignoreOrder: true);
        CampaignTransitions.AllowedTargets("completed", Admin | Organizer).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("active", "campaign.activated")]
    [InlineData("completed", "campaign.completed")]
    [InlineData("expired", "campaign.expired")]
    [InlineData("cancelled", "campaign.cancelled")]
    public void each_move_emits_the_event_of_its_target(string to, string eventType) =>
        CampaignTransitions.EventTypeFor(to).ShouldBe(eventType);

    [Fact]
    public void nothing_moves_back_into_draft() =>
        Should.Throw<ArgumentOutOfRangeException>(() => CampaignTransitions.EventTypeFor("draft"));

    [Fact]
    public void the_platform_closes_active_campaigns_only() =>
        CampaignTransitions.ClosingMoves.ShouldAllBe(move => move.From == "active");

    [Theory]
    [InlineData("draft", 0, false)]
    [InlineData("draft", AsOrganizer, true)]
    [InlineData("draft", AsAdmin, true)]
    [InlineData("active", 0, true)]
    [InlineData("cancelled", 0, true)]
    public void only_a_draft_is_hidden_from_strangers(string status, int roles, bool visible) =>
        CampaignVisibility.IsVisibleTo(status, (CallerRoles)roles).ShouldBe(visible);
}
