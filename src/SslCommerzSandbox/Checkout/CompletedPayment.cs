using CareForAll.SslCommerzSandbox.Gateway;
using CareForAll.SslCommerzSandbox.Notifications;

namespace CareForAll.SslCommerzSandbox.Checkout;

/// <summary>The attempt a choice produced and its notification, or why the session refused it.</summary>
internal sealed record CompletedPayment(PaymentAttempt? Attempt, Notification? Notification, AttemptRefusal Refusal);
