using CareForAll.Payments.SslCommerz;

namespace CareForAll.Payments.Domain;

/// <summary>
/// When an Order Validation API answer proves our payment (sslcommerz.md B 6): status VALID or VALIDATED, the
/// tran_id is ours, and amount and currency equal what our database holds. The official SDKs accept a BDT amount
/// within 1 taka; we ask for equality to the cent, because we always send two decimals and the gateway echoes
/// them, so any difference means the payment is not the one we asked for.
/// </summary>
internal static class ValidationRules
{
    public const string Bdt = "BDT";

    /// <summary>Null when the answer matches our payment, otherwise what does not.</summary>
    public static string? Mismatch(ValidationResponse answer, string tranId, decimal amount, string currency)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var status = GatewayStatus.Normalize(answer.Status);
        if (!GatewayStatus.IsPaid(status))
        {
            return $"validation status is {(status.Length == 0 ? "empty" : status)}";
        }

        if (!string.Equals(answer.TranId?.Trim(), tranId, StringComparison.Ordinal))
        {
            return $"validated tran_id '{answer.TranId}' is not ours ('{tranId}')";
        }

        // The gateway settles in BDT: amount/currency are BDT, currency_amount/currency_type what we asked for.
        var settledCurrency = Upper(answer.Currency);
        var askedCurrency = Upper(answer.CurrencyType);
        var settled = GatewayValues.ParseAmount(answer.Amount);
        var asked = GatewayValues.ParseAmount(answer.CurrencyAmount);

        if (currency == Bdt)
        {
            if (settledCurrency != Bdt)
            {
                return $"validated currency '{answer.Currency}' is not {Bdt}";
            }

            if (settled != amount)
            {
                return $"validated amount '{answer.Amount}' differs from ours ({GatewayValues.FormatAmount(amount)})";
            }

            if (askedCurrency.Length > 0 && askedCurrency != currency)
            {
                return $"validated currency_type '{answer.CurrencyType}' differs from ours ({currency})";
            }

            if (asked is not null && asked != amount)
            {
                return $"validated currency_amount '{answer.CurrencyAmount}' differs from ours ({GatewayValues.FormatAmount(amount)})";
            }

            return null;
        }

        return askedCurrency != currency
            ? $"validated currency_type '{answer.CurrencyType}' differs from ours ({currency})"
            : asked != amount
                ? $"validated currency_amount '{answer.CurrencyAmount}' differs from ours ({GatewayValues.FormatAmount(amount)})"
                : null;
    }

    /// <summary>
    /// 0 moves a captured payment on to completed; 1 (or anything we cannot read) holds it for an admin.
    /// </summary>
    public static int RiskLevel(string? riskLevel) => GatewayValues.ParseInt(riskLevel) == 0 ? 0 : 1;

    private static string Upper(string? value) => (value ?? "").Trim().ToUpperInvariant();
}
