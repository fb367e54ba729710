using CareForAll.Gateway.Caching;
using Microsoft.AspNetCore.Http;

namespace CareForAll.Gateway.Tests;

public sealed class CampaignPagesCachePolicyTests
{
    [Theory]
    [InlineData("/api/campaigns/1b4e28ba-2fa1-11d2-883f-0016d3cca427", true)]
    [InlineData("/api/campaigns/1b4e28ba-2fa1-11d2-883f-0016d3cca427/donors", true)]
    [InlineData("/api/campaigns", false)]
    [InlineData("/api/campaigns/user/1b4e28ba-2fa1-11d2-883f-0016d3cca427", false)]
    [InlineData("/api/pledges/1b4e28ba-2fa1-11d2-883f-0016d3cca427", false)]
    public void a_campaigns_own_pages_are_tagged_with_its_id(string path, bool tagged)
    {
        var id = CampaignPagesCachePolicy.CampaignIdOf(new PathString(path));

        if (tagged)
        {
            id.ShouldBe(Guid.Parse("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
        }
        else
        {
            id.ShouldBeNull();
        }
    }

    [Fact]
    public void tags_name_the_campaign_in_canonical_form()
    {
        CacheTags.Campaign(Guid.Parse("1B4E28BA-2FA1-11D2-883F-0016D3CCA427")).ShouldBe("campaign:1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    }
}
