namespace CareForAll.Campaigns;

internal static class CampaignsLimits
{
    /// <summary>
    /// The largest campaign (a 10,000-character description, beneficiary details and ten document links) fits well
    /// within this; anything bigger is refused with 413 before it is read.
    /// </summary>
    public const long MaxRequestBodyBytes = 96 * 1024;
}
