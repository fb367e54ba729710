namespace CareForAll.Query.Features.Statistics.Dashboard;

/// <summary>The admin dashboard's money figures. "Today" is the Asia/Dhaka calendar day.</summary>
internal sealed class Response
{
    public required decimal TotalRaised { get; init; }

    public required decimal RaisedToday { get; init; }

    public required int DonationsToday { get; init; }

    public required int TotalDonations { get; init; }

    public required int TotalDonors { get; init; }

    public required string Currency { get; init; }

    /// <summary>Every campaign status with how many campaigns are in it (zeros included).</summary>
    public required IReadOnlyDictionary<string, int> CampaignsByStatus { get; init; }

    /// <summary>The last 24 UTC hours, oldest first, the current hour last; hours without donations included.</summary>
    public required IReadOnlyList<HourFigures> DonationsPerHour { get; init; }
}

/// <summary>Standing donations made within one UTC hour.</summary>
internal sealed record HourFigures(DateTimeOffset Hour, int Donations, decimal Amount);
