namespace CareForAll.Payments.Notifications;

/// <summary>A stored notification: whether it was already processed, and whether its signature held.</summary>
internal sealed record WebhookLogEntry(Guid Id, bool Processed, bool? SignatureValid);
