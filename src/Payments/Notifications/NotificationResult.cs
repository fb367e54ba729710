namespace CareForAll.Payments.Notifications;

/// <summary>What became of a notification.</summary>
internal enum NotificationResult
{
    /// <summary>Applied (or refused and recorded) under the payment's lock.</summary>
    Processed,

    /// <summary>A copy of one already processed: nothing changed.</summary>
    Duplicate,

    /// <summary>The signature did not verify: nothing changed.</summary>
    SignatureInvalid,

    /// <summary>No payment has this tran_id: stored and ignored.</summary>
    UnknownPayment,

    /// <summary>The gateway's validation API was unreachable: stored, unprocessed, to be retried.</summary>
    Deferred,
}
