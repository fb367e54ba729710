using System.Net;
using CareForAll.Pledges.Campaigns;
using CareForAll.ServiceDefaults.Api;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Create = CareForAll.Pledges.Features.Pledges.Create;
using TrackCampaignStatus = CareForAll.Pledges.Features.Campaigns.TrackCampaignStatus;

namespace CareForAll.Pledges.Tests;

[Collection(PostgresGroup.Name)]
public sealed class CampaignGateTests(PostgresServer server)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static Create.CampaignGate Gate(NpgsqlDataSource database, StubCampaigns campaigns) => new(
        database,
        new CampaignsClient(new HttpClient(campaigns) { BaseAddress = new Uri("http://campaigns") }),
        new FixedClock(Now),
        NullLogger<Create.CampaignGate>.Instance);

    private static async Task CheckAsync(NpgsqlDataSource database, Create.CampaignGate gate, Guid campaignId)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await gate.EnsureAcceptingPledgesAsync(connection, transaction, campaignId, default);
    }

    private static async Task<(string Status, long Version)?> KnownAsync(NpgsqlDataSource database, Guid campaignId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<(string, long)?>(
            "SELECT status, version FROM pledges.campaigns WHERE id = @campaignId", new { campaignId });
    }

    private static async Task EventAsync(NpgsqlDataSource database, Guid campaignId, string status, long version)
    {
        await using var connection = await database.OpenConnectionAsync();
        await TrackCampaignStatus.Data.ApplyAsync(connection, null!, campaignId, status, version, Now, default);
    }

    [Fact]
    public async Task an_active_campaign_known_from_events_needs_no_call()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var campaign = Guid.NewGuid();
        await EventAsync(database, campaign, "active", 2);
        var campaigns = new StubCampaigns(_ => throw new InvalidOperationException("campaigns must not be asked"));

        await CheckAsync(database, Gate(database, campaigns), campaign);

        campaigns.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task an_unknown_campaign_is_asked_about_once_and_remembered_as_active()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var campaign = Guid.NewGuid();
        var campaigns = new StubCampaigns(request =>
        {
            request.RequestUri!.AbsolutePath.ShouldBe($"/api/campaigns/{campaign}");
            return StubCampaigns.Campaign("active");
        });
        var gate = Gate(database, campaigns);

        await CheckAsync(database, gate, campaign);
        await CheckAsync(database, gate, campaign);

        campaigns.Calls.ShouldBe(1);
        (await KnownAsync(database, campaign)).ShouldBe(("active", 0L));
    }

    [Fact]
    public async Task a_campaign_campaigns_does_not_know_is_not_found()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var gate = Gate(database, new StubCampaigns(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));

        var refusal = await Should.ThrowAsync<ApiException>(() => CheckAsync(database, gate, Guid.NewGuid()));

        refusal.StatusCode.ShouldBe(404);
        refusal.Code.ShouldBe("CAMPAIGN_NOT_FOUND");
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("completed")]
    [InlineData("cancelled")]
    [InlineData("expired")]
    public async Task a_campaign_that_is_not_active_refuses_pledges(string status)
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var campaign = Guid.NewGuid();
        var gate = Gate(database, new StubCampaigns(_ => StubCampaigns.Campaign(status, version: 3)));

        var refusal = await Should.ThrowAsync<ApiException>(() => CheckAsync(database, gate, campaign));

        refusal.StatusCode.ShouldBe(409);
        refusal.Code.ShouldBe("CAMPAIGN_NOT_ACCEPTING_PLEDGES");
        (await KnownAsync(database, campaign)).ShouldBe((status, 3L));
    }

    [Fact]
    public async Task campaigns_unreachable_is_a_503()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var gate = Gate(database, new StubCampaigns(_ => throw new HttpRequestException("connection refused")));

        var refusal = await Should.ThrowAsync<ApiException>(() => CheckAsync(database, gate, Guid.NewGuid()));

        refusal.StatusCode.ShouldBe(503);
        refusal.Code.ShouldBe("CAMPAIGNS_UNAVAILABLE");
    }

    [Fact]
    public async Task campaigns_failing_is_a_503_too()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var gate = Gate(database, new StubCampaigns(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError)));

        (await Should.ThrowAsync<ApiException>(() => CheckAsync(database, gate, Guid.NewGuid()))).StatusCode.ShouldBe(503);
    }

    [Fact]
    public async Task an_answer_without_a_version_never_overrides_what_events_said()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var campaign = Guid.NewGuid();
        await EventAsync(database, campaign, "draft", 1);
        var gate = Gate(database, new StubCampaigns(_ => StubCampaigns.Campaign("active")));

        await CheckAsync(database, gate, campaign);

        (await KnownAsync(database, campaign)).ShouldBe(("draft", 1L));
    }

    [Fact]
    public async Task an_answer_with_a_newer_version_replaces_what_events_said()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var campaign = Guid.NewGuid();
        await EventAsync(database, campaign, "draft", 1);
        var gate = Gate(database, new StubCampaigns(_ => StubCampaigns.Campaign("active", version: 2)));

        await CheckAsync(database, gate, campaign);

        (await KnownAsync(database, campaign)).ShouldBe(("active", 2L));
    }
}
