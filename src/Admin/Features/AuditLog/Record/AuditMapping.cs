using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareForAll.Admin.Events;
using CareForAll.BuildingBlocks.Messaging;

namespace CareForAll.Admin.Features.AuditLog.Record;

/// <summary>
/// Turns an owner's event into the audit entry of the admin action behind it, or null when no admin acted: the
/// platform's own moves (totals, the closing job, gateway answers) and an organiser's moves on their own campaign
/// are not admin actions. Every admin action through any route ends in one such event, so none skips the log.
/// </summary>
internal static class AuditMapping
{
    private const string CampaignStatusDraft = "draft";

    // The fields of campaign.created worth keeping: what the admin created, not the counters.
    private static readonly string[] CreatedFields =
        ["status", "title", "campaignType", "goalAmount", "currency", "organizerId", "startDate", "endDate"];

    // Totals move currentAmount (with no actor); an admin's edit never does.
    private const string CurrentAmountField = "currentAmount";

    public static AuditEntry? Map(IntegrationEvent envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope.EventType switch
        {
            AdminEventTypes.CampaignCreated or AdminEventTypes.CampaignUpdated or AdminEventTypes.CampaignActivated
                or AdminEventTypes.CampaignCompleted or AdminEventTypes.CampaignCancelled =>
                FromCampaign(envelope, EventJson.Read<CampaignEventData>(envelope)),
            AdminEventTypes.UserSuspended or AdminEventTypes.UserReactivated =>
                FromUser(envelope, EventJson.Read<UserStatusEventData>(envelope)),
            AdminEventTypes.PaymentCompleted => FromRelease(envelope, EventJson.Read<PaymentEventData>(envelope)),
            AdminEventTypes.PaymentRefundRequested => FromRefundRequest(envelope, EventJson.Read<RefundRequestedData>(envelope)),
            // Reaching the goal and expiring are the platform's doing; a capture, a refund's confirmation and a refused
            // notification are the gateway's. An admin's refund is logged once, when it is asked for.
            _ => null,
        };
    }

    private static AuditEntry? FromCampaign(IntegrationEvent envelope, CampaignEventData data)
    {
        // The organiser closing or withdrawing their own campaign is not an admin action, nor is anything the
        // platform did (no actor).
        if (AdminOf(data.Actor, adminOnlyRoute: false) is not { } admin)
        {
            return null;
        }

        string action;
        JsonNode? before;
        JsonNode? after;
        switch (envelope.EventType)
        {
            case AdminEventTypes.CampaignCreated:
                action = AuditActions.CreateCampaign;
                before = null;
                after = Pick(envelope.Data, CreatedFields);
                break;
            case AdminEventTypes.CampaignUpdated:
                var fields = (data.Changes ?? []).Where(f => f != CurrentAmountField).Distinct(StringComparer.Ordinal).ToArray();
                if (fields.Length == 0)
                {
                    return null;
                }

                action = AuditActions.UpdateCampaign;
                before = data.Previous is { ValueKind: JsonValueKind.Object } previous ? Pick(previous, fields) : null;
                after = Pick(envelope.Data, fields);
                break;
            case AdminEventTypes.CampaignActivated:
                action = AuditActions.ApproveCampaign;
                (before, after) = StatusMove(data.PreviousStatus ?? CampaignStatusDraft, data.Status ?? "active");
                break;
            case AdminEventTypes.CampaignCompleted:
                action = AuditActions.CloseCampaign;
                (before, after) = StatusMove(data.PreviousStatus ?? "active", data.Status ?? "completed");
                break;
            default:
                // Cancelling a draft is rejecting it; cancelling an active campaign stops its donations.
                action = data.PreviousStatus == CampaignStatusDraft ? AuditActions.RejectCampaign : AuditActions.CancelCampaign;
                (before, after) = StatusMove(data.PreviousStatus, data.Status ?? "cancelled");
                break;
        }

        return Entry(envelope, admin, action, AuditEntityTypes.Campaign, data.CampaignId, Details(before, after, data.Reason));
    }

    private static AuditEntry? FromUser(IntegrationEvent envelope, UserStatusEventData data)
    {
        if (AdminOf(data.EffectiveActor, adminOnlyRoute: true) is not { } admin)
        {
            return null;
        }

        var suspended = envelope.EventType == AdminEventTypes.UserSuspended;
        var (before, after) = StatusMove(
            data.PreviousStatus ?? (suspended ? "ACTIVE" : "SUSPENDED"),
            data.Status ?? (suspended ? "SUSPENDED" : "ACTIVE"));
        var details = Details(before, after, data.Reason);
        details["email"] = data.Email;
        return Entry(envelope, admin, suspended ? AuditActions.SuspendUser : AuditActions.ReactivateUser, AuditEntityTypes.User, data.UserId, details);
    }

    private static AuditEntry? FromRelease(IntegrationEvent envelope, PaymentEventData data)
    {
        // A payment completes on its own (risk level 0) with no actor; only an admin's release names one.
        if (AdminOf(data.Actor, adminOnlyRoute: false) is not { } admin)
        {
            return null;
        }

        var (before, after) = StatusMove(data.PreviousStatus ?? "captured", data.Status ?? "completed");
        var details = Details(before, after, data.Reason);
        AddMoney(details, data.Amount, data.Currency);
        details["pledgeId"] = data.PledgeId;
        details["campaignId"] = data.CampaignId;
        return Entry(envelope, admin, AuditActions.ReleasePayment, AuditEntityTypes.Payment, data.PaymentId, details);
    }

    private static AuditEntry? FromRefundRequest(IntegrationEvent envelope, RefundRequestedData data)
    {
        if (AdminOf(data.Actor, adminOnlyRoute: true) is not { } admin)
        {
            return null;
        }

        var action = data.Kind switch
        {
            RefundRequestedData.RefundKind => AuditActions.RefundPayment,
            RefundRequestedData.RejectKind => AuditActions.RejectPayment,
            // Failing sends the event to the dead-letter queue (and raises a notification) instead of losing it.
            _ => throw new JsonException($"Event {envelope.EventId} asks for a refund of unknown kind '{data.Kind}'."),
        };
        var details = Details(
            new JsonObject { ["status"] = data.PaymentStatus },
            new JsonObject { ["refundStatus"] = data.RefundStatus },
            data.Reason);
        AddMoney(details, data.Amount, data.Currency);
        details["refundId"] = data.RefundId;
        details["pledgeId"] = data.PledgeId;
        details["campaignId"] = data.CampaignId;
        return Entry(envelope, admin, action, AuditEntityTypes.Payment, data.PaymentId, details);
    }

    /// <summary>
    /// The actor when it is an admin. On routes only admins can call (suspension, refunds) an event written before
    /// the actor carried its role still names an admin.
    /// </summary>
    private static ActorData? AdminOf(ActorData? actor, bool adminOnlyRoute) =>
        actor is { ActorId: not null } && (actor.IsAdmin || (adminOnlyRoute && actor.Role is null)) ? actor : null;

    private static AuditEntry Entry(IntegrationEvent envelope, ActorData admin, string action, string entityType, Guid entityId, JsonObject details)
    {
        var address = ClientAddress(admin.ClientAddress);
        if (address is null && !string.IsNullOrWhiteSpace(admin.ClientAddress))
        {
            // Not an address PostgreSQL's inet takes; kept as it came rather than lost.
            details["clientAddress"] = admin.ClientAddress;
        }

        return new AuditEntry(
            envelope.EventId,
            envelope.EventType,
            admin.ActorId!.Value,
            action,
            entityType,
            entityId,
            details,
            address,
            string.IsNullOrWhiteSpace(admin.UserAgent) ? null : admin.UserAgent,
            envelope.OccurredAt);
    }

    /// <summary>An address as <c>inet</c> takes it: bare, or from an <c>address:port</c> pair.</summary>
    internal static IPAddress? ClientAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return IPAddress.TryParse(trimmed, out var address) ? address
            : IPEndPoint.TryParse(trimmed, out var endpoint) ? endpoint.Address
            : null;
    }

    private static (JsonNode? Before, JsonNode? After) StatusMove(string? from, string to) =>
        (from is null ? null : new JsonObject { ["status"] = from }, new JsonObject { ["status"] = to });

    private static JsonObject Details(JsonNode? before, JsonNode? after, string? reason) => new()
    {
        ["before"] = before,
        ["after"] = after,
        ["reason"] = string.IsNullOrWhiteSpace(reason) ? null : reason,
    };

    private static void AddMoney(JsonObject details, decimal amount, string? currency)
    {
        details["amount"] = amount;
        details["currency"] = currency;
    }

    /// <summary>The named fields of a JSON object that it has (an absent field is left out, a null one kept).</summary>
    private static JsonObject Pick(JsonElement source, IEnumerable<string> fields)
    {
        var picked = new JsonObject();
        if (source.ValueKind != JsonValueKind.Object)
        {
            return picked;
        }

        foreach (var field in fields)
        {
            if (source.TryGetProperty(field, out var value))
            {
                picked[field] = JsonNode.Parse(value.GetRawText());
            }
        }

        return picked;
    }
}
