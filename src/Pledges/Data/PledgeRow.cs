namespace CareForAll.Pledges.Data;

/// <summary>A whole pledge row, as the slices that show or change a pledge read it.</summary>
internal sealed record PledgeRow(
    Guid Id,
    Guid CampaignId,
    Guid? UserId,
    string DonorEmail,
    string? DonorName,
    decimal Amount,
    string Currency,
    string Status,
    bool IsAnonymous,
    string? Message,
    string? Metadata,
    long Version,
    Guid? PaymentId,
    string? TranId,
    long PaymentVersion,
    DateTime? CompletedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The select list matching the constructor, column for column (Dapper maps by position and name).</summary>
    public const string Columns = """
        id AS Id, campaign_id AS CampaignId, user_id AS UserId, donor_email AS DonorEmail, donor_name AS DonorName,
        amount AS Amount, currency AS Currency, status AS Status, is_anonymous AS IsAnonymous, message AS Message,
        metadata::text AS Metadata, version AS Version, payment_id AS PaymentId, tran_id AS TranId,
        payment_version AS PaymentVersion, completed_at AS CompletedAt, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;
}
