namespace CareForAll.Campaigns.Domain;

/// <summary>The seed's five campaign statuses, as stored and as the API and events name them.</summary>
internal static class CampaignStatus
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";

    public static readonly IReadOnlyList<string> All = [Draft, Active, Completed, Cancelled, Expired];

    /// <summary>What the public sees: a draft is private to its organiser and admins, a cancelled one is withdrawn.</summary>
    public static readonly IReadOnlyList<string> Public = [Active, Completed, Expired];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);

    /// <summary>Closed campaigns never change again.</summary>
    public static bool IsClosed(string status) => status is Completed or Cancelled or Expired;
}
