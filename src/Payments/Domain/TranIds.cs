using System.Security.Cryptography;

namespace CareForAll.Payments.Domain;

/// <summary>
/// Our SSLCommerz <c>tran_id</c>s: <c>CFA</c> + UTC time to the second + 12 random hex digits, 27 characters (the
/// gateway allows 30). Readable in the merchant panel, sortable by time, and unguessable.
/// </summary>
internal static class TranIds
{
    public const int MaxLength = 30;
    private const string Prefix = "CFA";

    public static string New(DateTimeOffset now) =>
        Prefix
        + now.UtcDateTime.ToString("yyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)
        + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));

    /// <summary>Refund ids share the shape with their own prefix, so the two never collide.</summary>
    public static string NewRefund(DateTimeOffset now) =>
        "RFD"
        + now.UtcDateTime.ToString("yyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)
        + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
}
