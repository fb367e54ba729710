namespace CareForAll.Payments.Domain;

/// <summary>The seed's six payment states.</summary>
internal enum PaymentStatus
{
    Pending,
    Authorized,
    Captured,
    Completed,
    Failed,
    Refunded,
}
