namespace CareForAll.Payments.SslCommerz;

/// <summary>A refund to ask the gateway for (B 8.1).</summary>
internal sealed record RefundRequest(string BankTranId, string RefundTransId, decimal Amount, string Remarks, string ReferenceId);
