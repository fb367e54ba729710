namespace CareForAll.Notifications.Features.Pledges;

/// <summary>
/// The part of a <c>pledge.*</c> event's data that notifications reads (a tolerant reader). <see cref="DonorName"/>
/// is null for an anonymous donor; <see cref="UserId"/> is null for a guest.
/// </summary>
internal sealed class PledgeEventData
{
    public const string Completed = "completed";

    public Guid PledgeId { get; init; }

    public Guid CampaignId { get; init; }

    public Guid? UserId { get; init; }

    public string? DonorEmail { get; init; }

    public string? DonorName { get; init; }

    public bool IsAnonymous { get; init; }

    public decimal Amount { get; init; }

    public string? Currency { get; init; }

    public string? Status { get; init; }

    public string? PreviousStatus { get; init; }

    public string? TranId { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The name to greet: none when the donor asked to stay anonymous.</summary>
    public string? GreetingName => IsAnonymous || string.IsNullOrWhiteSpace(DonorName) ? null : DonorName.Trim();

    public string CurrencyOrDefault => string.IsNullOrWhiteSpace(Currency) ? "BDT" : Currency.Trim().ToUpperInvariant();
}
