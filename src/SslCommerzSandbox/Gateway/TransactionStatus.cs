namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>The status values the gateway uses in notifications and queries.</summary>
internal static class TransactionStatus
{
    public const string Valid = "VALID";
    public const string Validated = "VALIDATED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string Unattempted = "UNATTEMPTED";
    public const string Expired = "EXPIRED";
    public const string Pending = "PENDING";
    public const string Invalid = "INVALID";
    public const string InvalidTransaction = "INVALID_TRANSACTION";

    /// <summary>The outcomes a payer (or a test) can choose for a session.</summary>
    public static readonly IReadOnlyList<string> Outcomes = [Valid, Failed, Cancelled, Unattempted, Expired];

    /// <summary>The outcome named by <paramref name="text"/> (any case), or null.</summary>
    public static string? ParseOutcome(string? text) =>
        Outcomes.FirstOrDefault(outcome => string.Equals(outcome, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The <c>error</c> text a notification with this status carries (texts seen in real payloads).</summary>
    public static string ErrorFor(string status) => status switch
    {
        Failed => "Invalid expiration date",
        Cancelled => "Cancelled by User",
        Unattempted => "Customer did not choose to pay any channel",
        Expired => "Session Expired",
        _ => "",
    };
}
