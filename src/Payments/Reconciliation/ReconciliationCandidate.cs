namespace CareForAll.Payments.Reconciliation;

/// <summary>A payment claimed by this replica for one question to the gateway.</summary>
internal sealed record ReconciliationCandidate(Guid Id, string TranId, string Status, DateTime CreatedAt, string? Traceparent);
