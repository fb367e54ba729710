namespace CareForAll.Notifications.Features.Organisers;

// What an organiser mail keeps of its event while it waits; the campaign and the organiser are read when it is
// rendered, so a mail that waited quotes the campaign as it is then.

/// <summary><c>money_arrived</c>: one completed pledge. <see cref="DonorName"/> is null for an anonymous donor.</summary>
internal sealed record MoneyArrivedFacts(Guid PledgeId, decimal Amount, string Currency, string? DonorName, string? TranId, DateTimeOffset CompletedAt);

/// <summary><c>goal_reached_organiser</c>.</summary>
internal sealed record GoalReachedFacts(DateTimeOffset ReachedAt);

/// <summary><c>final_report</c>: <see cref="Completed"/> false when the campaign expired.</summary>
internal sealed record FinalReportFacts(bool Completed);

/// <summary>An organiser mail to write now, or to keep until its campaign and recipient are known.</summary>
/// <param name="OrganizerId">The organiser when the event names one; otherwise read from the campaign.</param>
internal sealed record OrganiserIntent(
    string Template,
    string DedupeKey,
    Guid CampaignId,
    Guid? OrganizerId,
    Guid EventId,
    string EventType,
    System.Text.Json.JsonElement Facts);
