namespace CareForAll.Campaigns.Data;

/// <summary>One row of <c>campaigns.campaigns</c> as <see cref="CampaignSql.Columns"/> selects it.</summary>
internal sealed record CampaignRow
{
    public Guid Id { get; init; }

    public string Title { get; init; } = "";

    public string Description { get; init; } = "";

    public string CampaignType { get; init; } = "";

    public decimal GoalAmount { get; init; }

    public decimal CurrentAmount { get; init; }

    public string Currency { get; init; } = "";

    public DateTime StartDate { get; init; }

    public DateTime? EndDate { get; init; }

    public string Status { get; init; } = "";

    public Guid OrganizerId { get; init; }

    public string? BeneficiaryName { get; init; }

    public string? BeneficiaryDetails { get; init; }

    public string? ImageUrl { get; init; }

    /// <summary>The jsonb array of <c>{ name, url }</c>, as text.</summary>
    public string Documents { get; init; } = "[]";

    public long Version { get; init; }

    public DateTime? GoalReachedAt { get; init; }

    public DateTime? ClosedAt { get; init; }

    public string? CancelReason { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }
}
