using CareForAll.Campaigns.Data;

namespace CareForAll.Campaigns.Features.Campaigns.Update;

internal static class Data
{
    // Only the editable columns: the money, status and goal marker move by their own paths, and the row is
    // locked by this transaction, so nothing written since it was read is lost.
    private const string Edit = $"""
        UPDATE campaigns.campaigns
        SET title = @Title, description = @Description, campaign_type = @CampaignType, goal_amount = @GoalAmount,
            start_date = @StartDate, end_date = @EndDate, beneficiary_name = @BeneficiaryName,
            beneficiary_details = @BeneficiaryDetails, image_url = @ImageUrl, documents = @Documents::jsonb,
            version = version + 1, updated_at = @Now
        WHERE id = @Id
        RETURNING {CampaignSql.Columns}
        """;

    public static Task<CampaignRow> EditAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, EditedCampaign edited, DateTimeOffset now, CancellationToken ct) =>
        connection.QuerySingleAsync<CampaignRow>(new CommandDefinition(
            Edit,
            new
            {
                Id = id,
                edited.Title,
                edited.Description,
                edited.CampaignType,
                edited.GoalAmount,
                StartDate = edited.StartDate.UtcDateTime,
                EndDate = edited.EndDate?.UtcDateTime,
                edited.BeneficiaryName,
                edited.BeneficiaryDetails,
                edited.ImageUrl,
                Documents = DocumentsJson.Write(edited.Documents),
                Now = now.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));
}
