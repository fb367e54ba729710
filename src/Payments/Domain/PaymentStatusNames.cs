namespace CareForAll.Payments.Domain;

/// <summary>Payment states as the database, the API and the events spell them (lower case).</summary>
internal static class PaymentStatusNames
{
    public const string Pending = "pending";
    public const string Authorized = "authorized";
    public const string Captured = "captured";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Refunded = "refunded";

    public static string ToName(this PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => Pending,
        PaymentStatus.Authorized => Authorized,
        PaymentStatus.Captured => Captured,
        PaymentStatus.Completed => Completed,
        PaymentStatus.Failed => Failed,
        PaymentStatus.Refunded => Refunded,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown payment status."),
    };

    public static PaymentStatus Parse(string name) => name switch
    {
        Pending => PaymentStatus.Pending,
        Authorized => PaymentStatus.Authorized,
        Captured => PaymentStatus.Captured,
        Completed => PaymentStatus.Completed,
        Failed => PaymentStatus.Failed,
        Refunded => PaymentStatus.Refunded,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown payment status."),
    };

    /// <summary>Still waiting for the gateway: a session may be (re)opened and reconciliation asks about it.</summary>
    public static bool IsOpen(this PaymentStatus status) => status is PaymentStatus.Pending or PaymentStatus.Authorized;
}
