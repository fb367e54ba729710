namespace CareForAll.Payments.SslCommerz;

/// <summary>What a session is opened for; the client adds the store, the callback URLs and the fixed fields.</summary>
internal sealed record SessionRequest(
    Guid PaymentId,
    Guid PledgeId,
    Guid CampaignId,
    string TranId,
    decimal Amount,
    string Currency,
    string CustomerName,
    string CustomerEmail);
