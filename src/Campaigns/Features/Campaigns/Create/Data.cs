using CareForAll.Campaigns.Data;

namespace CareForAll.Campaigns.Features.Campaigns.Create;

/// <summary>A campaign about to be stored, already trimmed and defaulted.</summary>
internal sealed record NewCampaign(
    Guid Id,
    string Title,
    string Description,
    string CampaignType,
    decimal GoalAmount,
    string Currency,
    DateTimeOffset StartDate,
    DateTimeOffset EndDate,
    Guid OrganizerId,
    string? BeneficiaryName,
    string? BeneficiaryDetails,
    string? ImageUrl,
    string DocumentsJson,
    DateTimeOffset CreatedAt);

internal static class Data
{
    private const string Insert = $"""
        INSERT INTO campaigns.campaigns
            (id, title, description, campaign_type, goal_amount, currency, start_date, end_date, status, organizer_id,
             beneficiary_name, beneficiary_details, image_url, documents, version, created_at, updated_at)
        VALUES
            (@Id, @Title, @Description, @CampaignType, @GoalAmount, @Currency, @StartDate, @EndDate, 'draft', @OrganizerId,
             @BeneficiaryName, @BeneficiaryDetails, @ImageUrl, @Documents::jsonb, 1, @CreatedAt, @CreatedAt)
        RETURNING {CampaignSql.Columns}
        """;

    public static Task<CampaignRow> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewCampaign campaign, CancellationToken ct) =>
        connection.QuerySingleAsync<CampaignRow>(new CommandDefinition(
            Insert,
            new
            {
                campaign.Id,
                campaign.Title,
                campaign.Description,
                campaign.CampaignType,
                campaign.GoalAmount,
                campaign.Currency,
                StartDate = campaign.StartDate.UtcDateTime,
                EndDate = campaign.EndDate.UtcDateTime,
                campaign.OrganizerId,
                campaign.BeneficiaryName,
                campaign.BeneficiaryDetails,
                campaign.ImageUrl,
                Documents = campaign.DocumentsJson,
                CreatedAt = campaign.CreatedAt.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));
}
