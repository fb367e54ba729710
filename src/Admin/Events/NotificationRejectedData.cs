namespace CareForAll.Admin.Events;

/// <summary><c>payment.notification_rejected</c>: an IPN or browser return refused for its signature or a mismatch.</summary>
internal sealed class NotificationRejectedData
{
    public Guid WebhookLogId { get; init; }

    public string? TranId { get; init; }

    public Guid? PaymentId { get; init; }

    public string? Source { get; init; }

    public string? RemoteAddress { get; init; }

    public string? Reason { get; init; }
}
