using System.Net;
using System.Text.Json.Nodes;

namespace CareForAll.Admin.Features.AuditLog.Record;

/// <summary>One admin action, as the audit log keeps it.</summary>
/// <param name="EventId">The owner's event it was read from (one entry per event, however often delivered).</param>
/// <param name="EventType">That event's type.</param>
/// <param name="AdminId">Who acted.</param>
/// <param name="Action">What they did, e.g. <c>approve_campaign</c>.</param>
/// <param name="EntityType"><c>campaign</c>, <c>user</c> or <c>payment</c>.</param>
/// <param name="EntityId">Which one.</param>
/// <param name="Details"><c>{before, after, reason}</c> and what the action moved.</param>
/// <param name="IpAddress">The admin's client address, when it is one.</param>
/// <param name="UserAgent">The admin's user agent.</param>
/// <param name="OccurredAt">When they acted.</param>
internal sealed record AuditEntry(
    Guid EventId,
    string EventType,
    Guid AdminId,
    string Action,
    string EntityType,
    Guid EntityId,
    JsonObject Details,
    IPAddress? IpAddress,
    string? UserAgent,
    DateTimeOffset OccurredAt);

/// <summary>The actions the audit log names.</summary>
internal static class AuditActions
{
    public const string CreateCampaign = "create_campaign";
    public const string UpdateCampaign = "update_campaign";
    public const string ApproveCampaign = "approve_campaign";
    public const string RejectCampaign = "reject_campaign";
    public const string CancelCampaign = "cancel_campaign";
    public const string CloseCampaign = "close_campaign";
    public const string SuspendUser = "suspend_user";
    public const string ReactivateUser = "reactivate_user";
    public const string RefundPayment = "refund_payment";
    public const string RejectPayment = "reject_payment";
    public const string ReleasePayment = "release_payment";

    public static readonly IReadOnlyList<string> All =
    [
        CreateCampaign, UpdateCampaign, ApproveCampaign, RejectCampaign, CancelCampaign, CloseCampaign,
        SuspendUser, ReactivateUser, RefundPayment, RejectPayment, ReleasePayment,
    ];
}

/// <summary>The kinds of entity an admin acts on.</summary>
internal static class AuditEntityTypes
{
    public const string Campaign = "campaign";
    public const string User = "user";
    public const string Payment = "payment";

    public static readonly IReadOnlyList<string> All = [Campaign, User, Payment];
}
