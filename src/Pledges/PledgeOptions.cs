namespace CareForAll.Pledges;

/// <summary>Settings of the pledges service (configuration section <c>Pledges</c>).</summary>
internal sealed class PledgeOptions
{
    public const string SectionName = "Pledges";

    /// <summary>How long a guest's pledge token opens the pledge and its payment.</summary>
    public TimeSpan GuestTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Where campaigns answers, through service discovery.</summary>
    public Uri CampaignsBaseAddress { get; set; } = new("https+http://campaigns");
}
