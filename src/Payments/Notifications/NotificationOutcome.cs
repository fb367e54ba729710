namespace CareForAll.Payments.Notifications;

/// <summary>The result of processing a notification and the payment's status afterwards.</summary>
internal sealed record NotificationOutcome(NotificationResult Result, Guid? PaymentId, string? PaymentStatus, string? Detail = null);
