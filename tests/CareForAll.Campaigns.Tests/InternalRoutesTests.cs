using CareForAll.BuildingBlocks.Api;
using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using FastEndpoints;
using ListAll = CareForAll.Campaigns.Features.Campaigns.ListAll;
using Snapshot = CareForAll.Campaigns.Features.Campaigns.Snapshot;

namespace CareForAll.Campaigns.Tests;

/// <summary>The admins' campaign list and the snapshot a read model rebuilds from, against a real database.</summary>
[Collection(PostgresGroup.Name)]
public sealed class InternalRoutesTests(PostgresServer server)
{
    private static readonly Guid Admin = Guid.NewGuid();

    private static async Task<CampaignDatabase> SeededAsync(PostgresServer server)
    {
        var db = await CampaignDatabase.CreateAsync(server);
        var now = DateTimeOffset.UtcNow;
        await db.InsertCampaignAsync(title: "Heart surgery for Rahim", status: "active", createdAt: now.AddHours(-6));
        await db.InsertCampaignAsync(title: "School fees for Ayesha", status: "draft", type: "education", createdAt: now.AddHours(-5));
        await db.InsertCampaignAsync(title: "Flood relief in Sylhet", status: "cancelled", type: "emergency", createdAt: now.AddHours(-4));
        await db.InsertCampaignAsync(title: "Kidney transplant in Dhaka", status: "completed", createdAt: now.AddHours(-3));
        await db.InsertCampaignAsync(title: "Heart surgery draft", status: "draft", createdAt: now.AddHours(-2));
        await db.InsertCampaignAsync(title: "Cyclone shelter", status: "expired", type: "emergency", createdAt: now.AddHours(-1));
        return db;
    }

    private static async Task<ListAll.Endpoint> ListAsync(CampaignDatabase db, ListAll.Request request)
    {
        var endpoint = Factory.Create<ListAll.Endpoint>(Callers.Admin(Admin), db.DataSource);
        await endpoint.HandleAsync(request, CancellationToken.None);
        return endpoint;
    }

    private sealed record SnapshotPage(IReadOnlyList<Snapshot.SnapshotItem> Data, KeysetMeta Meta);

    private static async Task<SnapshotPage> SnapshotAsync(CampaignDatabase db, Guid? after, int limit)
    {
        var endpoint = Factory.Create<Snapshot.Endpoint>(Callers.Admin(Admin), db.DataSource);
        await endpoint.HandleAsync(new Snapshot.Request { After = after, Limit = limit }, CancellationToken.None);
        return new SnapshotPage((IReadOnlyList<Snapshot.SnapshotItem>)endpoint.Response.Data, endpoint.Response.Meta);
    }

    [Fact]
    public async Task the_admin_list_shows_every_status_newest_first_in_pages()
    {
        await using var db = await SeededAsync(server);

        var first = (await ListAsync(db, new ListAll.Request { Page = 1, Limit = 4 })).Response;
        var second = (await ListAsync(db, new ListAll.Request { Page = 2, Limit = 4 })).Response;

        first.Total.ShouldBe(6);
        first.TotalPages.ShouldBe(2);
        first.Items.Select(c => c.Title).ShouldBe(
            ["Cyclone shelter", "Heart surgery draft", "Kidney transplant in Dhaka", "Flood relief in Sylhet"]);
        second.Items.Select(c => c.Title).ShouldBe(["School fees for Ayesha", "Heart surgery for Rahim"]);
    }

    [Fact]
    public async Task the_admin_list_filters_by_status_and_searches_newest_first()
    {
        await using var db = await SeededAsync(server);

        var drafts = (await ListAsync(db, new ListAll.Request { Status = "draft" })).Response;
        var surgery = (await ListAsync(db, new ListAll.Request { Search = " surgery " })).Response;
        var cancelledSurgery = (await ListAsync(db, new ListAll.Request { Status = "cancelled", Search = "surgery" })).Response;

        drafts.Items.Select(c => c.Title).ShouldBe(["Heart surgery draft", "School fees for Ayesha"]);
        drafts.Total.ShouldBe(2);
        surgery.Items.Select(c => c.Title).ShouldBe(["Heart surgery draft", "Heart surgery for Rahim"]);
        cancelledSurgery.Total.ShouldBe(0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(1000)]
    public async Task the_snapshot_returns_every_campaign_exactly_once_in_id_order(int limit)
    {
        await using var db = await SeededAsync(server);
        // Ids that do not follow creation order, so the keyset cannot lean on it.
        await db.InsertCampaignAsync(title: "An old one", status: "active", createdAt: DateTimeOffset.UtcNow.AddYears(-1));

        var seen = new List<Guid>();
        Guid? after = null;
        var pages = 0;
        do
        {
            var page = await SnapshotAsync(db, after, limit);
            page.Data.Count.ShouldBeLessThanOrEqualTo(limit);
            seen.AddRange(page.Data.Select(c => c.CampaignId));
            after = page.Meta.Next;
            if (after is not null)
            {
                page.Data.Count.ShouldBe(limit);
                after.ShouldBe(page.Data[^1].CampaignId);
            }

            (++pages).ShouldBeLessThanOrEqualTo(7);
        }
        while (after is not null);

        var all = await db.ScalarAsync<Guid[]>("SELECT array_agg(id ORDER BY id) FROM campaigns.campaigns");
        seen.ShouldBe(all);
        pages.ShouldBe((int)Math.Ceiling(7.0 / limit));
    }

    [Fact]
    public async Task the_last_page_says_there_is_no_next_and_a_cursor_past_the_end_is_an_empty_page()
    {
        await using var db = await SeededAsync(server);
        var last = await db.ScalarAsync<Guid>("SELECT id FROM campaigns.campaigns ORDER BY id DESC LIMIT 1");

        var exact = await SnapshotAsync(db, null, 6);
        var beyond = await SnapshotAsync(db, last, 6);

        exact.Data.Count.ShouldBe(6);
        exact.Meta.Next.ShouldBeNull();
        beyond.Data.ShouldBeEmpty();
        beyond.Meta.Next.ShouldBeNull();
    }

    [Fact]
    public async Task a_snapshot_item_is_a_campaign_event_with_its_version_and_creation_time()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var created = DateTimeOffset.UtcNow.AddDays(-3);
        var id = await db.InsertCampaignAsync(status: "cancelled", goal: 5000m, current: 1200.50m, createdAt: created);
        await db.ScalarAsync<object?>(
            "UPDATE campaigns.campaigns SET version = 7, cancel_reason = 'Fraud report' WHERE id = @id", ("id", id));

        var item = (await SnapshotAsync(db, null, 10)).Data.ShouldHaveSingleItem();
        var json = JsonSerializer.SerializeToElement(item, MessagingJson.Options);

        json.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["campaignId", "title", "campaignType", "status", "previousStatus", "goalAmount", "currentAmount", "currency", "organizerId",
             "startDate", "endDate", "goalReachedAt", "reason", "changes", "previous", "actor", "occurredAt", "version", "createdAt"],
            ignoreOrder: true);
        json.GetProperty("campaignId").GetGuid().ShouldBe(id);
        json.GetProperty("status").GetString().ShouldBe("cancelled");
        json.GetProperty("currentAmount").GetDecimal().ShouldBe(1200.50m);
        json.GetProperty("reason").GetString().ShouldBe("Fraud report");
        json.GetProperty("version").GetInt64().ShouldBe(7);
        json.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(created, TimeSpan.FromMilliseconds(1));
        json.GetProperty("actor").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void both_internal_routes_are_for_admins_only()
    {
        var list = Factory.Create<ListAll.Endpoint>(Callers.Admin(Admin), (object?)null);
        var snapshot = Factory.Create<Snapshot.Endpoint>(Callers.Admin(Admin), (object?)null);

        foreach (var definition in new[] { list.Definition, snapshot.Definition })
        {
            definition.PreBuiltUserPolicies.ShouldBe([CareForAllPolicies.Admin]);
            definition.AnonymousVerbs.ShouldBeNull();
        }

        list.Definition.Routes.ShouldBe(["/internal/campaigns"]);
        snapshot.Definition.Routes.ShouldBe(["/internal/campaigns/snapshot"]);
    }

    [Fact]
    public async Task the_snapshot_goes_out_as_its_own_envelope_with_the_cursor_in_meta()
    {
        await using var db = await SeededAsync(server);
        var endpoint = Factory.Create<Snapshot.Endpoint>(Callers.Admin(Admin), db.DataSource);
        await endpoint.HandleAsync(new Snapshot.Request { Limit = 2 }, CancellationToken.None);

        // What the envelope writer sends for this response: the object itself, never wrapped again.
        var envelope = EnvelopeWriter.Wrap(endpoint.HttpContext, 200, endpoint.Response);
        var json = JsonSerializer.SerializeToElement(envelope, envelope.GetType(), JsonSerializerOptions.Web);

        envelope.ShouldBeSameAs(endpoint.Response);
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["success", "data", "meta"]);
        json.GetProperty("success").GetBoolean().ShouldBeTrue();
        json.GetProperty("data").GetArrayLength().ShouldBe(2);
        json.GetProperty("meta").EnumerateObject().Select(p => p.Name).ShouldBe(["timestamp", "requestId", "next"]);
        json.GetProperty("meta").GetProperty("next").GetGuid().ShouldBe(json.GetProperty("data")[1].GetProperty("campaignId").GetGuid());
    }

    [Fact]
    public void out_of_range_queries_are_refused()
    {
        new Snapshot.Validator().Validate(new Snapshot.Request { Limit = 1001 }).IsValid.ShouldBeFalse();
        new Snapshot.Validator().Validate(new Snapshot.Request { Limit = 0 }).IsValid.ShouldBeFalse();
        new Snapshot.Validator().Validate(new Snapshot.Request { Limit = 1000 }).IsValid.ShouldBeTrue();
        new ListAll.Validator().Validate(new ListAll.Request { Status = "archived" }).IsValid.ShouldBeFalse();
        new ListAll.Validator().Validate(new ListAll.Request { Limit = 101 }).IsValid.ShouldBeFalse();
        new ListAll.Validator().Validate(new ListAll.Request { Search = new string('a', 201) }).IsValid.ShouldBeFalse();
        new ListAll.Validator().Validate(new ListAll.Request { Status = "draft", Search = "surgery" }).IsValid.ShouldBeTrue();
    }
}
