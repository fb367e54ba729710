namespace CareForAll.Payments.SslCommerz;

/// <summary>Status words the gateway uses in notifications, validation and query answers.</summary>
internal static class GatewayStatus
{
    public const string Success = "SUCCESS";
    public const string Valid = "VALID";
    public const string Validated = "VALIDATED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string Unattempted = "UNATTEMPTED";
    public const string Expired = "EXPIRED";
    public const string Done = "DONE";

    /// <summary>A paid transaction (the first validation answers VALID, every later one VALIDATED).</summary>
    public static bool IsPaid(string? status) => status is Valid or Validated;

    /// <summary>The donor did not pay: these move an open payment to failed.</summary>
    public static bool IsFailure(string? status) => status is Failed or Cancelled or Unattempted or Expired;

    public static string Normalize(string? status) => (status ?? "").Trim().ToUpperInvariant();
}
