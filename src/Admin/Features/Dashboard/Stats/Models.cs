using System.Text.Json;

namespace CareForAll.Admin.Features.Dashboard.Stats;

/// <summary>
/// The platform at a glance. Each part comes from its owner; a part whose owner did not answer says so
/// (<c>available: false</c>) and the rest of the dashboard still shows.
/// </summary>
internal sealed class Response
{
    /// <summary>
    /// The query service's figures: money raised today and in total, donations and donors, campaigns by status and
    /// donations per hour over the last day.
    /// </summary>
    public required ServicePart Statistics { get; init; }

    /// <summary>Payments by status (failed and refunded among them), payments held, refunds in progress.</summary>
    public required ServicePart Payments { get; init; }

    /// <summary>Each publishing service's outbox: events waiting, the oldest one's age, events failing to publish.</summary>
    public required IReadOnlyList<ServicePart> Outbox { get; init; }

    /// <summary>Each consumer's dead-letter queue: messages a consumer gave up on.</summary>
    public required IReadOnlyList<DeadLetterPart> DeadLetters { get; init; }

    public required NotificationsPart SystemNotifications { get; init; }
}

/// <summary>One owner's answer, as it gave it.</summary>
internal sealed class ServicePart
{
    public required string Service { get; init; }

    public required bool Available { get; init; }

    /// <summary>The owner's <c>data</c>, when it answered.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>Why the part is missing: no answer in time, or the owner's refusal.</summary>
    public string? Problem { get; init; }
}

internal sealed class DeadLetterPart
{
    /// <summary>The consumer queue.</summary>
    public required string Queue { get; init; }

    public required string DeadLetterQueue { get; init; }

    public required bool Available { get; init; }

    public long? Messages { get; init; }
}

internal sealed class NotificationsPart
{
    public required bool Available { get; init; }

    /// <summary>System notifications nobody has read yet.</summary>
    public long? Unread { get; init; }
}
