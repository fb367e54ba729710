namespace CareForAll.Campaigns.Domain;

/// <summary>A supporting document of a campaign (a medical report, an admission letter), stored as a link.</summary>
internal sealed record CampaignDocument(string Name, string Url);
