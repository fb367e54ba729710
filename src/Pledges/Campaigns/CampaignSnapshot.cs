namespace CareForAll.Pledges.Campaigns;

/// <summary>What campaigns answered about one campaign: its status, and its version when the answer carries one.</summary>
internal sealed record CampaignSnapshot(string Status, long? Version);
