using CareForAll.SslCommerzSandbox.Gateway;

namespace CareForAll.SslCommerzSandbox.Checkout;

/// <summary>What the payer chose on the checkout page (or a test through the control API).</summary>
/// <param name="Outcome">VALID, FAILED, CANCELLED, UNATTEMPTED or EXPIRED.</param>
/// <param name="RiskLevel">1 makes a VALID payment "Not Safe", to be held by the merchant.</param>
internal sealed record PaymentChoice(string Outcome, PaymentMethod Method, int RiskLevel);
