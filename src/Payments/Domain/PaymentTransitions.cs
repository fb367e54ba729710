namespace CareForAll.Payments.Domain;

/// <summary>
/// The payment state machine of ARCHITECTURE section 6. Anything not in its table is refused: nothing moves
/// backwards (captured to authorized, completed to failed) and a refunded payment never moves again.
/// </summary>
internal static class PaymentTransitions
{
    private static readonly HashSet<(PaymentStatus From, PaymentStatus To)> Allowed =
    [
        (PaymentStatus.Pending, PaymentStatus.Authorized),
        (PaymentStatus.Pending, PaymentStatus.Captured),
        (PaymentStatus.Authorized, PaymentStatus.Captured),
        (PaymentStatus.Captured, PaymentStatus.Completed),
        (PaymentStatus.Pending, PaymentStatus.Failed),
        (PaymentStatus.Authorized, PaymentStatus.Failed),
        // Late success: the validation API confirms money really taken after a failure was reported.
        (PaymentStatus.Failed, PaymentStatus.Captured),
        (PaymentStatus.Completed, PaymentStatus.Refunded),
        // An admin rejects a risk-held payment and the gateway confirms the refund.
        (PaymentStatus.Captured, PaymentStatus.Refunded),
    ];

    public static bool IsAllowed(PaymentStatus from, PaymentStatus to) => Allowed.Contains((from, to));

    /// <summary>Null when the move is allowed, otherwise why it is refused.</summary>
    public static string? RefusalReason(PaymentStatus from, PaymentStatus to) =>
        IsAllowed(from, to) ? null
        : from == to ? $"the payment is already {from.ToName()}"
        : from == PaymentStatus.Refunded ? "a refunded payment never moves again"
        : $"{from.ToName()} -> {to.ToName()} is not an allowed payment transition";
}
