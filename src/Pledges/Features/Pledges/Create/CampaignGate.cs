using CareForAll.Pledges.Campaigns;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Pledges.Features.Pledges.Create;

/// <summary>
/// Only an active campaign accepts pledges. Pledges' own copy of campaign statuses (fed by campaign events)
/// answers on the happy path; when it does not say active (never heard of it, or an activation still on its way),
/// campaigns is asked and its answer kept.
/// </summary>
internal sealed class CampaignGate(NpgsqlDataSource database, CampaignsClient campaigns, TimeProvider clock, ILogger<CampaignGate> logger)
{
    public const string Active = "active";

    private static readonly string[] KnownStatuses = ["draft", Active, "completed", "cancelled", "expired"];

    /// <summary>Returns when the campaign accepts pledges; otherwise throws the answer (404, 409 or 503).</summary>
    public async Task EnsureAcceptingPledgesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, CancellationToken ct)
    {
        var known = await Data.FindCampaignStatusAsync(connection, transaction, campaignId, ct);
        if (known == Active)
        {
            return;
        }

        CampaignSnapshot? answer;
        try
        {
            answer = await campaigns.FindAsync(campaignId, ct);
        }
        catch (CampaignsUnavailableException ex)
        {
            logger.CampaignLookupFailed(campaignId, ex.Message, ex.InnerException);
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "CAMPAIGNS_UNAVAILABLE",
                "The campaign could not be checked right now; try again shortly.");
        }

        if (answer is null)
        {
            throw new ApiException(StatusCodes.Status404NotFound, "CAMPAIGN_NOT_FOUND", "No campaign has this id.",
                new { campaignId });
        }

        logger.CampaignStatusLearned(campaignId, answer.Status);
        if (KnownStatuses.Contains(answer.Status, StringComparer.Ordinal))
        {
            await Data.RememberCampaignAsync(database, campaignId, answer.Status, answer.Version ?? 0, clock.GetUtcNow(), ct);
        }

        if (answer.Status != Active)
        {
            throw new ApiException(StatusCodes.Status409Conflict, "CAMPAIGN_NOT_ACCEPTING_PLEDGES",
                "This campaign is not accepting pledges.", new { campaignId, status = answer.Status });
        }
    }
}
