using System.Text.Json;

namespace CareForAll.Pledges.Features.Pledges.Get;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }
}

/// <summary>The whole pledge, for its donor, an admin or the guest holding its token (payments reads it too).</summary>
internal sealed class Response
{
    public required Guid Id { get; init; }

    public required Guid CampaignId { get; init; }

    public Guid? UserId { get; init; }

    public required string DonorEmail { get; init; }

    public string? DonorName { get; init; }

    public required bool IsAnonymous { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required string Status { get; init; }

    public string? Message { get; init; }

    public JsonElement? Metadata { get; init; }

    public Guid? PaymentId { get; init; }

    public string? TranId { get; init; }

    /// <summary>
    /// The campaign's status as pledges last heard it (null when not known), so payments does not open a session for a
    /// campaign that has since closed.
    /// </summary>
    public string? CampaignStatus { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
