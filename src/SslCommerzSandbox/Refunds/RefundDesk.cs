using CareForAll.SslCommerzSandbox.Gateway;
using CareForAll.SslCommerzSandbox.Validation;

namespace CareForAll.SslCommerzSandbox.Refunds;

/// <summary>
/// Initiates refunds and reports their status. A refund reads "processing" until <c>Sandbox:RefundDelay</c> has
/// passed, then "refunded"; a reused refund_trans_id or more than the payment still holds is refused.
/// </summary>
internal sealed class RefundDesk(Ledger ledger, TimeProvider time, IOptions<SandboxOptions> options, ILogger<RefundDesk> logger)
{
    private const string Success = "success";
    private const string Failed = "failed";
    private const int RefundTransIdLength = 30;
    private const int RemarksLength = 255;

    public RefundInitiationAnswer Initiate(GatewayParameters parameters)
    {
        var bankTranId = parameters["bank_tran_id"]!;
        var transId = parameters["refund_trans_id"];
        var remarks = parameters["refund_remarks"];

        var invalid = InvalidInput(parameters, transId, remarks, out var amount);
        if (invalid is not null)
        {
            return Refuse(ApiConnectStatus.InvalidRequest, bankTranId, null, invalid);
        }

        if (ledger.FindByBankTranId(bankTranId) is not { } attempt)
        {
            return Refuse(ApiConnectStatus.Done, bankTranId, null, "Invalid bank_tran_id");
        }

        var now = time.GetUtcNow();
        var refund = new Refund(
            GatewayIds.NewRefundRefId(), transId, attempt, amount, remarks!, parameters["refe_id"], now, now + options.Value.RefundDelay);
        if (ledger.TryAddRefund(refund) is { } refusal)
        {
            return Refuse(ApiConnectStatus.Done, bankTranId, attempt.Session.TranId, refusal);
        }

        logger.RefundInitiated(refund.RefundRefId, amount, bankTranId);
        return new RefundInitiationAnswer
        {
            ApiConnect = ApiConnectStatus.Done,
            BankTranId = bankTranId,
            TransId = attempt.Session.TranId,
            RefundRefId = refund.RefundRefId,
            Status = Success,
            ErrorReason = "",
        };
    }

    public RefundStatusAnswer Status(string refundRefId)
    {
        if (ledger.FindRefund(refundRefId) is not { } refund)
        {
            return new RefundStatusAnswer
            {
                ApiConnect = ApiConnectStatus.Done,
                RefundRefId = refundRefId,
                Status = Failed,
                ErrorReason = "Invalid refund_ref_id",
            };
        }

        var now = time.GetUtcNow();
        return new RefundStatusAnswer
        {
            ApiConnect = ApiConnectStatus.Done,
            BankTranId = refund.Attempt.BankTranId,
            TranId = refund.Attempt.Session.TranId,
            RefundRefId = refund.RefundRefId,
            InitiatedOn = DhakaTime.Format(refund.InitiatedAt),
            RefundedOn = refund.IsRefunded(now) ? DhakaTime.Format(refund.CompletesAt) : "",
            Status = refund.StatusAt(now),
            ErrorReason = "",
        };
    }

    private string? InvalidInput(GatewayParameters parameters, string? transId, string? remarks, out decimal amount)
    {
        amount = 0m;
        if (transId is null && options.Value.RequireRefundTransId)
        {
            return "refund_trans_id is required";
        }

        if (transId?.Length > RefundTransIdLength)
        {
            return $"refund_trans_id must be at most {RefundTransIdLength} characters";
        }

        if (remarks is null || remarks.Length > RemarksLength)
        {
            return $"refund_remarks is required (at most {RemarksLength} characters)";
        }

        if (!Money.TryParse(parameters["refund_amount"], out amount) || amount <= 0m)
        {
            return "refund_amount must be a positive amount with at most 2 decimals";
        }

        return null;
    }

    private RefundInitiationAnswer Refuse(string apiConnect, string bankTranId, string? tranId, string reason)
    {
        logger.RefundRefused(bankTranId, reason);
        return new RefundInitiationAnswer
        {
            ApiConnect = apiConnect,
            BankTranId = bankTranId,
            TransId = tranId,
            Status = Failed,
            ErrorReason = reason,
        };
    }
}
