using System.Security.Cryptography;

namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>Ids shaped like the real gateway's.</summary>
internal static class GatewayIds
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Digits = "0123456789";

    /// <summary>32 upper-case hex characters.</summary>
    public static string NewSessionKey() => RandomNumberGenerator.GetHexString(32);

    /// <summary>val_id, bank_tran_id and ssl_id: Dhaka "yyMMddHHmmss" followed by 15 alphanumerics (27 characters).</summary>
    public static string NewTransactionId(DateTimeOffset now) =>
        DhakaTime.IdPrefix(now) + RandomNumberGenerator.GetString(Alphanumerics, 15);

    /// <summary>13 lower-case hex characters, like PHP's uniqid().</summary>
    public static string NewRefundRefId() => RandomNumberGenerator.GetHexString(13, lowercase: true);

    /// <summary>The 66-hex card_ref_id of the validation answer.</summary>
    public static string NewCardRefId() => RandomNumberGenerator.GetHexString(66, lowercase: true);

    /// <summary>A masked card number such as 418117XXXXXX7814.</summary>
    public static string MaskedCardNumber(string bin) => bin + "XXXXXX" + RandomNumberGenerator.GetString(Digits, 4);

    /// <summary>A whole number of seconds in [min, max], for tran_date's lead over the ids.</summary>
    public static TimeSpan SecondsBetween(int min, int max) => TimeSpan.FromSeconds(RandomNumberGenerator.GetInt32(min, max + 1));
}
