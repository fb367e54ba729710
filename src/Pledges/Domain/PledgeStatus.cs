namespace CareForAll.Pledges.Domain;

/// <summary>The seed's five pledge statuses, as stored and as carried by events.</summary>
internal static class PledgeStatus
{
    public const string Pending = "pending";
    public const string PaymentInitiated = "payment_initiated";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Refunded = "refunded";

    public static readonly IReadOnlyList<string> All = [Pending, PaymentInitiated, Completed, Failed, Refunded];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);
}
