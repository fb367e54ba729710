using CareForAll.Query.Data;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Query.Features.Donations;

/// <summary>
/// One donation in its donor's own history (a user's, or a guest's opened by the emailed link): refunded ones
/// included. Never carries an email.
/// </summary>
internal sealed class DonationRecord
{
    public required Guid PledgeId { get; init; }

    public required Guid CampaignId { get; init; }

    public string? CampaignTitle { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>Whether the donor asked the wall not to show their name.</summary>
    public required bool IsAnonymous { get; init; }

    public string? DonorName { get; init; }

    public string? Message { get; init; }

    /// <summary><c>completed</c> or <c>refunded</c>.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset DonatedAt { get; init; }

    public DateTimeOffset? RefundedAt { get; init; }
}

/// <summary>A <c>query.donation_history</c> row as read (the email is never selected).</summary>
internal sealed class HistoryRow
{
    public const string Columns = """
        h.pledge_id AS PledgeId, h.campaign_id AS CampaignId, h.campaign_title AS CampaignTitle, h.amount AS Amount,
        h.currency AS Currency, h.is_anonymous AS IsAnonymous, h.donor_name AS DonorName, h.message AS Message,
        h.status AS Status, h.donated_at AS DonatedAt, h.refunded_at AS RefundedAt
        """;

    public Guid PledgeId { get; init; }

    public Guid CampaignId { get; init; }

    public string? CampaignTitle { get; init; }

    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    public bool IsAnonymous { get; init; }

    public string? DonorName { get; init; }

    public string? Message { get; init; }

    public required string Status { get; init; }

    public DateTime DonatedAt { get; init; }

    public DateTime? RefundedAt { get; init; }
}

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
[UseStaticMapper(typeof(DbTime))]
internal static partial class DonationMapper
{
    public static partial DonationRecord ToRecord(HistoryRow row);
}
