namespace CareForAll.Query.Features.Statistics.Platform;

/// <summary>The platform's public figures.</summary>
internal sealed class Response
{
    /// <summary>Standing donations' sum across every campaign.</summary>
    public required decimal TotalRaised { get; init; }

    public required string Currency { get; init; }

    public required int TotalDonations { get; init; }

    /// <summary>Distinct donors (a user, or a guest's email) with a standing donation.</summary>
    public required int TotalDonors { get; init; }

    /// <summary>Public campaigns: active, completed or expired.</summary>
    public required int TotalCampaigns { get; init; }

    public required int ActiveCampaigns { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
