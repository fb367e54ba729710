namespace CareForAll.SslCommerzSandbox.Notifications;

/// <summary>One HTTP attempt to deliver a notification, and the merchant's answer.</summary>
/// <param name="Sequence">Order in which attempts were sent.</param>
/// <param name="Kind">"ipn" or "browser".</param>
/// <param name="Status">The notification's status (VALID, FAILED...).</param>
/// <param name="FinishedAt">When the answer (or the error) came: the merchant's answer to an IPN is the moment it took
/// the payment in, from which a benchmark times how soon the campaign's total shows it.</param>
/// <param name="Attempt">1 for the first try, 2 for the first retry...</param>
/// <param name="Copy">Which of the duplicated IPNs (1 unless copies were asked for).</param>
/// <param name="ResponseBody">The first 500 characters of the answer.</param>
/// <param name="Error">Why no answer came (timeout, connection refused).</param>
/// <param name="Location">The answer's Location header; redirects are recorded, never followed.</param>
/// <param name="Fields">The posted form fields, in posting order.</param>
internal sealed record DeliveryRecord(
    long Sequence,
    string TranId,
    string Kind,
    string Status,
    string Url,
    int Attempt,
    int Copy,
    DateTimeOffset SentAt,
    DateTimeOffset FinishedAt,
    int? ResponseStatus,
    string? ResponseBody,
    string? Error,
    string? Location,
    IReadOnlyDictionary<string, string> Fields)
{
    public const string Ipn = "ipn";
    public const string Browser = "browser";

    /// <summary>Whether the merchant answered 2xx.</summary>
    public bool Delivered => ResponseStatus is >= 200 and < 300;
}
