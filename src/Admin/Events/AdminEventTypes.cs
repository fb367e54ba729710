namespace CareForAll.Admin.Events;

/// <summary>The events the <c>admin</c> queue is bound to (MessagingTopology checks the list at startup).</summary>
internal static class AdminEventTypes
{
    public const string UserSuspended = "user.suspended";
    public const string UserReactivated = "user.reactivated";

    public const string PaymentCaptured = "payment.captured";
    public const string PaymentCompleted = "payment.completed";
    public const string PaymentRefunded = "payment.refunded";
    public const string PaymentRefundRequested = "payment.refund_requested";
    public const string PaymentNotificationRejected = "payment.notification_rejected";

    public const string CampaignCreated = "campaign.created";
    public const string CampaignUpdated = "campaign.updated";
    public const string CampaignActivated = "campaign.activated";
    public const string CampaignGoalReached = "campaign.goal_reached";
    public const string CampaignExpired = "campaign.expired";
    public const string CampaignCompleted = "campaign.completed";
    public const string CampaignCancelled = "campaign.cancelled";

    public static readonly IReadOnlyList<string> All =
    [
        UserSuspended, UserReactivated,
        PaymentCaptured, PaymentCompleted, PaymentRefunded, PaymentRefundRequested, PaymentNotificationRejected,
        CampaignCreated, CampaignUpdated, CampaignActivated, CampaignGoalReached, CampaignExpired, CampaignCompleted, CampaignCancelled,
    ];
}
