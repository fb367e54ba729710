namespace CareForAll.Query.Tests;

[Collection(PostgresGroup.Name)]
public sealed class CampaignEventTests(PostgresServer server)
{
    [Fact]
    public async Task only_a_newer_campaign_version_replaces_what_is_kept()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();

        await side.CampaignAsync(campaign, version: 3, status: "active", title: "Third");
        await side.CampaignAsync(campaign, version: 2, status: "draft", title: "Second");
        await side.CampaignAsync(campaign, version: 3, status: "cancelled", title: "Third again");

        var figures = (await db.CampaignAsync(campaign))!;
        (figures.Title, figures.Status, figures.CampaignVersion).ShouldBe(("Third", "active", 3L));

        await side.CampaignAsync(campaign, version: 5, status: "completed", title: "Fifth");
        figures = (await db.CampaignAsync(campaign))!;
        (figures.Title, figures.Status, figures.CampaignVersion).ShouldBe(("Fifth", "completed", 5L));
    }

    [Fact]
    public async Task money_that_arrives_before_the_campaign_is_kept_and_the_campaign_fills_in_later()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();

        await side.CompletedAsync(Guid.NewGuid(), campaign, 400m, Guid.NewGuid());
        await side.ApplyAllAsync();

        var before = (await db.CampaignAsync(campaign))!;
        (before.Raised, before.Title, before.Status, before.CampaignVersion).ShouldBe((400m, null, null, 0L));
        (await db.ScalarAsync<object>("SELECT campaign_title FROM query.donation_history")).ShouldBe(DBNull.Value);

        await side.CampaignAsync(campaign, version: 1, status: "active", title: "Flood relief", goal: 1000m, eventType: "campaign.created");

        var after = (await db.CampaignAsync(campaign))!;
        (after.Raised, after.Donations, after.Title, after.Status, after.Progress).ShouldBe((400m, 1, "Flood relief", "active", 40m));
        after.Version.ShouldBeGreaterThan(before.Version);
        // The donor's history follows the campaign's title.
        (await db.ScalarAsync<string>("SELECT campaign_title FROM query.donation_history")).ShouldBe("Flood relief");
        (await db.ScalarAsync<DateTime>("SELECT created_at FROM query.campaign_totals")).ShouldBe(side.Clock.Now.UtcDateTime);
    }

    [Fact]
    public async Task a_campaign_event_that_changes_nothing_shown_is_kept_but_not_announced()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        await side.CampaignAsync(campaign, version: 2, title: "Same");
        await side.SettleAsync();
        var version = (await db.CampaignAsync(campaign))!.Version;

        // campaigns' own "currentAmount changed" update: nothing here differs.
        await side.CampaignAsync(campaign, version: 3, title: "Same");

        var figures = (await db.CampaignAsync(campaign))!;
        (figures.CampaignVersion, figures.Version).ShouldBe((3L, version));
        (await db.ScalarAsync<long>("SELECT count(*) FROM query.totals_announcements")).ShouldBe(0);

        await side.CampaignAsync(campaign, version: 4, title: "Different");
        (await db.ScalarAsync<long>("SELECT count(*) FROM query.totals_announcements")).ShouldBe(1);
    }
}
