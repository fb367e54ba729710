namespace CareForAll.Payments.Pledges;

/// <summary>What payments reads of a pledge (the pledges service's answer; unknown fields are ignored).</summary>
internal sealed class PledgeView
{
    public Guid Id { get; init; }

    public Guid CampaignId { get; init; }

    public Guid? UserId { get; init; }

    public string? DonorEmail { get; init; }

    public string? DonorName { get; init; }

    public bool IsAnonymous { get; init; }

    public decimal Amount { get; init; }

    public string Currency { get; init; } = "";

    public string Status { get; init; } = "";

    /// <summary>The campaign's status as pledges last heard it; null when pledges does not know it.</summary>
    public string? CampaignStatus { get; init; }
}
