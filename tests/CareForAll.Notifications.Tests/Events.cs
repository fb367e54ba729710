using Microsoft.Extensions.Logging.Abstractions;
using Campaign = CareForAll.Notifications.Features.Campaigns.TrackCampaign;
using Created = CareForAll.Notifications.Features.Pledges.Created;
using Completed = CareForAll.Notifications.Features.Pledges.Completed;
using Refunded = CareForAll.Notifications.Features.Pledges.Refunded;
using SendRequested = CareForAll.Notifications.Features.Messages.SendRequested;
using TrackUser = CareForAll.Notifications.Features.Users.TrackUser;
using Verification = CareForAll.Notifications.Features.Users.SendVerification;

namespace CareForAll.Notifications.Tests;

/// <summary>The handlers as the consumer builds them, and events in the shape their owners publish.</summary>
internal static class Events
{
    public static Completed.Handler CompletedHandler(this Harness h) =>
        new(h.Queue, h.Organisers, h.GoalMails, h.Tokens, h.Options, h.Clock, NullLogger<Completed.Handler>.Instance);

    public static Created.Handler CreatedHandler(this Harness h) => new(h.Queue, NullLogger<Created.Handler>.Instance);

    public static Refunded.Handler RefundedHandler(this Harness h) => new(h.Queue, h.Clock, NullLogger<Refunded.Handler>.Instance);

    public static Campaign.Handler CampaignHandler(this Harness h) =>
        new(h.Organisers, h.GoalMails, h.Clock, NullLogger<Campaign.Handler>.Instance);

    public static TrackUser.Handler UserHandler(this Harness h) => new(h.Organisers, h.Clock, NullLogger<TrackUser.Handler>.Instance);

    public static Verification.Handler VerificationHandler(this Harness h) =>
        new(h.Queue, h.Organisers, h.Options, h.Clock, NullLogger<Verification.Handler>.Instance);

    public static SendRequested.Handler SendEmailHandler(this Harness h) => new(h.Queue, NullLogger<SendRequested.Handler>.Instance);

    /// <summary>A pledge event's data, as pledges writes it.</summary>
    public static object Pledge(
        Guid pledgeId,
        Guid campaignId,
        string status,
        string? previousStatus = null,
        Guid? userId = null,
        string email = "rahim@example.org",
        string? name = "Rahim Uddin",
        bool anonymous = false,
        decimal amount = 1500m,
        string tranId = "CFA-TRAN-1",
        DateTimeOffset? at = null) => new
        {
            pledgeId,
            campaignId,
            userId,
            donorEmail = email,
            donorName = anonymous ? null : name,
            isAnonymous = anonymous,
            amount,
            currency = "BDT",
            status,
            previousStatus,
            paymentId = Guid.CreateVersion7(),
            tranId,
            message = (string?)null,
            occurredAt = at ?? DateTimeOffset.Parse("2026-11-25T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>A campaign event's data, as campaigns writes it.</summary>
    public static object Campaign(
        Guid campaignId,
        Guid organizerId,
        string status = "active",
        string title = "Heart surgery for Rahim",
        decimal goal = 10_000m,
        decimal current = 0m,
        DateTimeOffset? goalReachedAt = null) => new
        {
            campaignId,
            title,
            campaignType = "medical",
            status,
            previousStatus = (string?)null,
            goalAmount = goal,
            currentAmount = current,
            currency = "BDT",
            organizerId,
            startDate = DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            endDate = (DateTimeOffset?)null,
            goalReachedAt,
            reason = (string?)null,
            changes = (string[]?)null,
            actor = (object?)null,
            occurredAt = DateTimeOffset.Parse("2026-11-25T09:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
        };

    public static object User(Guid userId, string email, string firstName = "Karim", string lastName = "Hasan", string role = "USER") =>
        new { userId, email, role, firstName, lastName, occurredAt = DateTimeOffset.UnixEpoch };

    public static Task DeliverUserAsync(this Harness h, Guid userId, string email, string firstName = "Karim") =>
        h.DeliverAsync(h.UserHandler(), TrackUser.Handler.EventType, userId, 1, User(userId, email, firstName));

    public static Task DeliverCampaignAsync(this Harness h, string eventType, Guid campaignId, long version, object payload) =>
        h.DeliverAsync(h.CampaignHandler(), eventType, campaignId, version, payload);

    public static Task<Guid> DeliverCompletedAsync(this Harness h, object payload, Guid pledgeId, long version = 3, Guid? eventId = null) =>
        h.DeliverAsync(h.CompletedHandler(), Completed.Handler.EventType, pledgeId, version, payload, eventId);
}
