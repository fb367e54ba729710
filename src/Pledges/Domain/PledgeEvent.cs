namespace CareForAll.Pledges.Domain;

/// <summary>
/// The data of every <c>pledge.*</c> event (the contract's shape). <see cref="DonorName"/> is null for an anonymous
/// donor. Consumers count money only from <c>pledge.completed</c> (+amount) and <c>pledge.refunded</c> with
/// <see cref="PreviousStatus"/> "completed" (−amount).
/// </summary>
internal sealed record PledgeEvent(
    Guid PledgeId,
    Guid CampaignId,
    Guid? UserId,
    string DonorEmail,
    string? DonorName,
    bool IsAnonymous,
    decimal Amount,
    string Currency,
    string Status,
    string? PreviousStatus,
    Guid? PaymentId,
    string? TranId,
    string? Message,
    DateTimeOffset OccurredAt)
{
    public const string Created = "pledge.created";

    /// <summary>The event type announcing that a pledge reached <paramref name="status"/>.</summary>
    public static string TypeFor(string status) =>
        string.Equals(status, PledgeStatus.Pending, StringComparison.Ordinal) ? Created : $"pledge.{status}";
}
