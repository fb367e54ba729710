namespace CareForAll.Query;

/// <summary>The few facts about the platform the read side relies on.</summary>
internal static class QueryRules
{
    /// <summary>The only currency pledges accept today; money in any other is not counted.</summary>
    public const string Currency = "BDT";

    /// <summary>The largest amount <c>numeric(15,2)</c> holds.</summary>
    public const decimal MaxAmount = 9_999_999_999_999.99m;

    /// <summary>Campaign statuses the public may see in lists (drafts and cancelled campaigns are not shown).</summary>
    public static readonly IReadOnlyList<string> PublicStatuses = ["active", "completed", "expired"];

    /// <summary>Every campaign status, for counts by status.</summary>
    public static readonly IReadOnlyList<string> CampaignStatuses = ["draft", "active", "completed", "cancelled", "expired"];

    /// <summary>Campaign types (the seed's).</summary>
    public static readonly IReadOnlyList<string> CampaignTypes = ["medical", "education", "emergency", "long_term"];

    /// <summary>A draft is not public: its totals do not exist for readers, as campaigns hides the draft itself.</summary>
    public const string DraftStatus = "draft";

    /// <summary>The name the donor wall shows for a donor who asked not to be named.</summary>
    public const string AnonymousName = "Anonymous";
}
