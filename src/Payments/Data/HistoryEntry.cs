namespace CareForAll.Payments.Data;

/// <summary>One line of a payment's state history: a move, or a refused move with its reason.</summary>
internal sealed record HistoryEntry(
    Guid PaymentId,
    string? FromStatus,
    string ToStatus,
    bool Accepted,
    string? Reason,
    string Source,
    string? ActorJson,
    Guid? WebhookLogId,
    DateTimeOffset At);
