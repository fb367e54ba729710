using CareForAll.Campaigns.Domain;

namespace CareForAll.Campaigns.Features.Campaigns.Get;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }
}

/// <summary>A campaign as every campaign route shows it.</summary>
internal sealed class Response
{
    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string CampaignType { get; init; }

    public required decimal GoalAmount { get; init; }

    /// <summary>Money received so far (completed pledges less refunds), applied within about a second.</summary>
    public required decimal CurrentAmount { get; init; }

    public required string Currency { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public required string Status { get; init; }

    public required Guid OrganizerId { get; init; }

    public string? BeneficiaryName { get; init; }

    public string? BeneficiaryDetails { get; init; }

    public string? ImageUrl { get; init; }

    public required IReadOnlyList<CampaignDocument> Documents { get; init; }

    public DateTimeOffset? GoalReachedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? CancelReason { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
