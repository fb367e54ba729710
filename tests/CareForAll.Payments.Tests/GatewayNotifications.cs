using System.Globalization;
using CareForAll.Payments.Data;
using CareForAll.Payments.Notifications;
using CareForAll.Payments.SslCommerz;

namespace CareForAll.Payments.Tests;

/// <summary>Notifications signed the way the gateway signs them (sslcommerz.md B 5), for a seeded payment.</summary>
internal static class GatewayNotifications
{
    // The 27 keys the gateway signs for a VALID payment (B 5.3), in its alphabetical order.
    private const string ValidKeys =
        "amount,bank_tran_id,base_fair,card_brand,card_issuer,card_issuer_country,card_issuer_country_code,card_no,"
        + "card_sub_brand,card_type,currency,currency_amount,currency_rate,currency_type,error,risk_level,risk_title,status,"
        + "store_amount,store_id,tran_date,tran_id,val_id,value_a,value_b,value_c,value_d";

    public static Dictionary<string, string> Valid(PaymentRecord payment, string valId, decimal? amount = null, int riskLevel = 0)
    {
        var paid = (amount ?? payment.Amount).ToString("0.00", CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tran_id"] = payment.TranId,
            ["val_id"] = valId,
            ["amount"] = paid,
            ["card_type"] = "BKASH-BKash",
            ["store_amount"] = ((amount ?? payment.Amount) * 0.975m).ToString("0.00", CultureInfo.InvariantCulture),
            ["card_no"] = "",
            ["bank_tran_id"] = "BANK" + valId,
            ["status"] = "VALID",
            ["tran_date"] = "2026-11-25 18:00:00",
            ["error"] = "",
            ["currency"] = "BDT",
            ["card_issuer"] = "BKash Mobile Banking",
            ["card_brand"] = "MOBILEBANKING",
            ["card_sub_brand"] = "",
            ["card_issuer_country"] = "Bangladesh",
            ["card_issuer_country_code"] = "BD",
            ["store_id"] = TestPayments.StoreId,
            ["verify_key"] = ValidKeys,
            ["currency_type"] = "BDT",
            ["currency_amount"] = paid,
            ["currency_rate"] = "1.0000",
            ["base_fair"] = "0.00",
            ["value_a"] = payment.Id.ToString(),
            ["value_b"] = "",
            ["value_c"] = "",
            ["value_d"] = "",
            ["risk_level"] = riskLevel.ToString(CultureInfo.InvariantCulture),
            ["risk_title"] = riskLevel == 0 ? "Safe" : "Not Safe",
        };
        return Sign(fields);
    }

    public static Dictionary<string, string> Failed(PaymentRecord payment, string status = "FAILED", string error = "Invalid expiration date")
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tran_id"] = payment.TranId,
            ["val_id"] = "",
            ["amount"] = payment.Amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["card_type"] = "",
            ["bank_tran_id"] = "",
            ["status"] = status,
            ["tran_date"] = "2026-11-25 18:00:00",
            ["error"] = error,
            ["currency"] = "BDT",
            ["store_id"] = TestPayments.StoreId,
            ["value_a"] = payment.Id.ToString(),
            ["verify_key"] = "amount,bank_tran_id,card_type,currency,error,status,store_id,tran_date,tran_id,val_id,value_a",
        };
        return Sign(fields);
    }

    /// <summary>Signs with the store password: verify_sign (MD5) and verify_sign_sha2 over the verify_key fields.</summary>
    public static Dictionary<string, string> Sign(Dictionary<string, string> fields)
    {
        var signed = fields["verify_key"].Split(',').Select(k => KeyValuePair.Create(k, fields[k])).ToList();
        fields["verify_sign"] = NotificationSignature.ComputeMd5(signed, TestPayments.StorePassword);
        fields["verify_sign_sha2"] = NotificationSignature.ComputeSha2(signed, TestPayments.StorePassword);
        return fields;
    }

    public static Notification Ipn(Dictionary<string, string> fields) => Notification.FromFields(fields, "ipn", "103.26.139.81");

    public static Notification Browser(Dictionary<string, string> fields) => Notification.FromFields(fields, "browser", "198.51.100.7");
}
