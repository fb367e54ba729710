namespace CareForAll.Pledges.Campaigns;

/// <summary>Campaigns did not answer, or answered something that is not a campaign.</summary>
internal sealed class CampaignsUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
