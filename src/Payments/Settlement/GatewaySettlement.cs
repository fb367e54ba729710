using CareForAll.Payments.Data;
using CareForAll.Payments.Domain;
using CareForAll.Payments.SslCommerz;

namespace CareForAll.Payments.Settlement;

/// <summary>
/// Applies what the gateway says to a locked payment (sslcommerz.md part A): a signed VALID authorizes, a
/// validation answer that matches our row captures (and completes at once when risk level is 0), a failure
/// status fails an open payment. Notifications and reconciliation both come through here.
/// </summary>
internal static class GatewaySettlement
{
    /// <summary>A signed notification says VALID: pending moves to authorized; later states are left to the capture.</summary>
    public static Task<bool> AuthorizeAsync(MoveContext context, PaymentRecord payment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return payment.State == PaymentStatus.Pending
            ? PaymentMover.MoveAsync(context, payment, PaymentStatus.Authorized, "signed VALID notification", ct)
            : Task.FromResult(false);
    }

    /// <summary>
    /// Captures when the validation answer proves our payment, then completes when its risk level is 0. A mismatch
    /// is recorded as a refused capture and moves nothing.
    /// </summary>
    public static async Task<bool> CaptureAsync(MoveContext context, PaymentRecord payment, ValidationResponse validation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(validation);
        if (ValidationRules.Mismatch(validation, payment.TranId, payment.Amount, payment.Currency) is { } mismatch)
        {
            context.Report.ValidationMismatch = mismatch;
            await PaymentMover.RefuseAsync(context, payment, PaymentStatus.Captured, "validation mismatch: " + mismatch, ct);
            return false;
        }

        if (payment.State is PaymentStatus.Captured or PaymentStatus.Completed or PaymentStatus.Refunded
            && !string.Equals(payment.ValId, validation.ValId, StringComparison.Ordinal))
        {
            // The donor paid twice for one tran_id (two attempts, both validated): the payment counts once, and the
            // second charge is left for an admin to give back.
            context.Report.SecondPayments.Add(validation.ValId ?? "");
            await PaymentMover.RefuseAsync(context, payment, PaymentStatus.Captured,
                $"a second paid attempt (val_id {validation.ValId}) for a payment already {payment.Status} with val_id {payment.ValId}: refund it", ct);
            return false;
        }

        var riskLevel = ValidationRules.RiskLevel(validation.RiskLevel);
        var reason = payment.State == PaymentStatus.Failed
            ? $"late success: validation confirms {GatewayStatus.Normalize(validation.Status)} for val_id {validation.ValId}"
            : $"validation confirms {GatewayStatus.Normalize(validation.Status)} for val_id {validation.ValId}";
        var captured = await PaymentMover.MoveAsync(context, payment, PaymentStatus.Captured, reason, ct, apply: p =>
        {
            p.ValId = GatewayValues.NullIfBlank(validation.ValId);
            p.BankTranId = GatewayValues.NullIfBlank(validation.BankTranId);
            p.CardType = GatewayValues.NullIfBlank(validation.CardType);
            p.CardBrand = GatewayValues.NullIfBlank(validation.CardBrand);
            p.PaymentMethod = PaymentMethods.FromCardType(validation.CardType, validation.CardBrand) ?? PaymentMethods.Other;
            p.StoreAmount = GatewayValues.ParseAmount(validation.StoreAmount);
            p.RiskLevel = riskLevel;
            p.RiskTitle = GatewayValues.NullIfBlank(validation.RiskTitle);
            p.GatewayResponse = validation.RawJson;
            p.ErrorMessage = null;
        });
        if (!captured)
        {
            return false;
        }

        if (riskLevel == 0)
        {
            await PaymentMover.MoveAsync(context, payment, PaymentStatus.Completed, "risk level 0", ct,
                apply: p => p.CompletedAt = context.Now.UtcDateTime);
        }

        return true;
    }

    /// <summary>FAILED, CANCELLED, UNATTEMPTED or EXPIRED: an open payment fails; anything later refuses the move.</summary>
    public static Task<bool> FailAsync(MoveContext context, PaymentRecord payment, string gatewayStatus, string? error, CancellationToken ct)
    {
        var reason = string.IsNullOrWhiteSpace(error) ? gatewayStatus : $"{gatewayStatus}: {error.Trim()}";
        return PaymentMover.MoveAsync(context, payment, PaymentStatus.Failed, reason, ct, apply: p => p.ErrorMessage = reason);
    }
}
