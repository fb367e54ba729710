namespace CareForAll.Payments.SslCommerz;

/// <summary>
/// The gateway could not be reached or answered something that is not its JSON (a non-200 status, a timeout):
/// the outcome is unknown, so the caller retries later rather than deciding anything.
/// </summary>
internal sealed class SslCommerzUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
