namespace CareForAll.Payments.Features.Notifications.Ipn;

/// <summary>What the gateway is told (it reads only the status code; the body is for people reading logs).</summary>
internal sealed class Response
{
    public required string Result { get; init; }

    public Guid? PaymentId { get; init; }

    public string? PaymentStatus { get; init; }
}
