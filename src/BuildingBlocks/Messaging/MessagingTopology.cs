namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// Every consumer queue of the platform and the event types bound to it. A topic exchange drops an event that no
/// queue is bound to yet, so every relay declares these queues before its first publish: an event written before
/// its consumer ever started (a first deploy, a new consumer, a consumer still starting) waits in its queue
/// instead of vanishing. A consumer of a queue listed here must handle exactly these types (checked at startup),
/// so the list cannot drift from the code.
/// </summary>
public static class MessagingTopology
{
    static readonly string[] CampaignEvents =
    [
        "campaign.created", "campaign.updated", "campaign.activated", "campaign.goal_reached",
        "campaign.expired", "campaign.completed", "campaign.cancelled",
    ];

    /// <summary>Queue name to the event types bound to it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Queues { get; } =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
        {
            // Money raised per campaign, goal detection.
            ["campaigns"] = Set("pledge.completed", "pledge.refunded"),

            // Pledge statuses follow the payment; pledges keeps which campaigns accept pledges.
            ["pledges"] = Set(
                [
                    "payment.initiated", "payment.authorized", "payment.captured", "payment.completed",
                    "payment.failed", "payment.refunded", .. CampaignEvents,
                ]),

            // The gateway evicts cached campaign pages and lists.
            ["gateway"] = Set(CampaignEvents),

            // Read models: totals, donor walls, user and platform statistics (money only from pledge events).
            ["query"] = Set(["pledge.completed", "pledge.refunded", .. CampaignEvents]),

            // Mail to donors, organisers and new users; the campaign and user details the mail needs.
            ["notifications"] = Set(
                [
                    "user.registered", "user.verification_requested", "pledge.created", "pledge.completed",
                    "pledge.refunded", "notification.send_email", .. CampaignEvents,
                ]),

            // The audit log (from the owners' events, whatever route an admin took) and admins' system notifications.
            ["admin"] = Set(
                [
                    "user.suspended", "user.reactivated", "payment.captured", "payment.completed", "payment.refunded",
                    "payment.refund_requested", "payment.notification_rejected", .. CampaignEvents,
                ]),
        };

    /// <summary>
    /// Throws when <paramref name="queueName"/> is listed here with other event types than <paramref name="eventTypes"/>.
    /// </summary>
    /// <param name="queueName">The consumer's queue.</param>
    /// <param name="eventTypes">The event types its handlers cover.</param>
    public static void EnsureMatches(string queueName, IEnumerable<string> eventTypes)
    {
        ArgumentNullException.ThrowIfNull(eventTypes);
        if (!Queues.TryGetValue(queueName, out var expected))
        {
            return;
        }

        var handled = eventTypes.ToHashSet(StringComparer.Ordinal);
        if (!handled.SetEquals(expected))
        {
            throw new InvalidOperationException(
                $"Queue '{queueName}' handles [{string.Join(", ", handled.Order(StringComparer.Ordinal))}] but MessagingTopology binds "
                + $"[{string.Join(", ", expected.Order(StringComparer.Ordinal))}]; change both together.");
        }
    }

    static HashSet<string> Set(params string[] eventTypes) => new(eventTypes, StringComparer.Ordinal);
}
