using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;

namespace CareForAll.Admin.Tests;

/// <summary>Owners' events in the shapes their services publish them.</summary>
internal static class Events
{
    public static readonly Guid AdminId = Guid.Parse("0196a5f0-0000-7000-8000-00000000a001");
    public static readonly Guid OrganizerId = Guid.Parse("0196a5f0-0000-7000-8000-00000000b002");
    public static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-20T10:15:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public const string AdminAddress = "203.0.113.7";
    public const string AdminAgent = "Mozilla/5.0 (admin console)";

    public static object AdminActor(Guid? adminId = null, string? clientAddress = AdminAddress) =>
        new { actorId = adminId ?? AdminId, clientAddress, userAgent = AdminAgent, role = "ADMIN" };

    public static object OrganizerActor() =>
        new { actorId = OrganizerId, clientAddress = "198.51.100.4", userAgent = "Organiser phone", role = "USER" };

    public static IntegrationEvent Envelope(string type, object data, Guid aggregateId, DateTimeOffset? occurredAt = null, Guid? eventId = null) =>
        new(eventId ?? Guid.NewGuid(), type, occurredAt ?? At, aggregateId, 1, JsonSerializer.SerializeToElement(data, MessagingJson.Options));

    public static IntegrationEvent Campaign(
        string type,
        Guid campaignId,
        string status,
        string? previousStatus,
        object? actor,
        string? reason = null,
        string[]? changes = null,
        object? previous = null,
        string title = "Heart surgery for Rahim",
        decimal goalAmount = 50_000m,
        decimal currentAmount = 0m,
        DateTimeOffset? occurredAt = null) =>
        Envelope(type, new
        {
            campaignId,
            title,
            campaignType = "medical",
            status,
            previousStatus,
            goalAmount,
            currentAmount,
            currency = "BDT",
            organizerId = OrganizerId,
            startDate = At.AddDays(-1),
            endDate = At.AddDays(40),
            goalReachedAt = (DateTimeOffset?)null,
            reason,
            changes,
            previous,
            actor,
            occurredAt = occurredAt ?? At,
        }, campaignId, occurredAt);

    public static IntegrationEvent UserStatus(string type, Guid userId, object? actor, string? reason = "Fraud reports", bool flatActor = true)
    {
        var suspended = type == "user.suspended";
        return Envelope(type, new
        {
            userId,
            email = "rahim@example.org",
            reason,
            actorId = flatActor ? AdminId : (Guid?)null,
            clientAddress = flatActor ? AdminAddress : null,
            userAgent = flatActor ? AdminAgent : null,
            previousStatus = suspended ? "ACTIVE" : "SUSPENDED",
            status = suspended ? "SUSPENDED" : "ACTIVE",
            occurredAt = At,
            actor,
        }, userId);
    }

    public static IntegrationEvent Payment(
        string type,
        Guid paymentId,
        string status,
        string? previousStatus,
        string source,
        int? riskLevel = 0,
        object? actor = null,
        decimal amount = 1500m,
        string? reason = null) =>
        Envelope(type, new
        {
            paymentId,
            pledgeId = Guid.NewGuid(),
            campaignId = Guid.NewGuid(),
            tranId = "CFA" + paymentId.ToString("N")[..20],
            amount,
            currency = "BDT",
            status,
            previousStatus,
            paymentMethod = "card",
            cardType = "VISA-Dutch Bangla",
            bankTranId = "200105225825DBgSoRGLvczhFjj",
            valId = "200105225826116qFnATY9sHIwo",
            riskLevel,
            reason,
            refundRefId = (string?)null,
            actor,
            source,
            occurredAt = At,
        }, paymentId);

    public static IntegrationEvent RefundRequested(Guid paymentId, string kind, string paymentStatus, object? actor, decimal amount = 1500m) =>
        Envelope("payment.refund_requested", new
        {
            paymentId,
            pledgeId = Guid.NewGuid(),
            campaignId = Guid.NewGuid(),
            refundId = Guid.NewGuid(),
            kind,
            amount,
            currency = "BDT",
            reason = "Donor asked for the money back",
            paymentStatus,
            refundStatus = "processing",
            actor,
            occurredAt = At,
        }, paymentId);

    public static IntegrationEvent NotificationRejected(Guid webhookLogId, Guid? paymentId = null) =>
        Envelope("payment.notification_rejected", new
        {
            webhookLogId,
            tranId = "CFA0123456789",
            paymentId,
            source = "ipn",
            remoteAddress = "192.0.2.66",
            reason = "signature mismatch",
            occurredAt = At,
        }, paymentId ?? webhookLogId);
}
