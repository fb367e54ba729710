namespace CareForAll.Campaigns.Domain;

/// <summary>The editable fields of a campaign, named as the API and <c>campaign.updated</c>'s <c>changes</c> name them.</summary>
internal static class CampaignFields
{
    public const string Title = "title";
    public const string Description = "description";
    public const string CampaignType = "campaignType";
    public const string GoalAmount = "goalAmount";
    public const string StartDate = "startDate";
    public const string EndDate = "endDate";
    public const string BeneficiaryName = "beneficiaryName";
    public const string BeneficiaryDetails = "beneficiaryDetails";
    public const string ImageUrl = "imageUrl";
    public const string Documents = "documents";

    /// <summary>Not editable: it moves only with recorded pledges.</summary>
    public const string CurrentAmount = "currentAmount";
}
