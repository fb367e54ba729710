using System.Text.Json;
using CareForAll.Query.Caching;
using CareForAll.Query.Data;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using FastEndpoints;
using Microsoft.AspNetCore.Http;
using ByCampaign = CareForAll.Query.Features.Donations.ByCampaign;
using ByGuest = CareForAll.Query.Features.Donations.ByGuest;
using ByUser = CareForAll.Query.Features.Donations.ByUser;
using Dashboard = CareForAll.Query.Features.Statistics.Dashboard;
using GetTotals = CareForAll.Query.Features.Totals.Get;
using Platform = CareForAll.Query.Features.Statistics.Platform;
using Top = CareForAll.Query.Features.Totals.Top;
using UserStatistics = CareForAll.Query.Features.Statistics.User;

namespace CareForAll.Query.Tests;

/// <summary>The endpoints' own decisions (who may read what, what is shown) against a real database, without HTTP.</summary>
[Collection(PostgresGroup.Name)]
public sealed class EndpointTests(PostgresServer server)
{
    private const string GuestKey = "test-guest-token-key-that-is-long-enough-0123456789";

    private static async Task<ApiException> RefusedAsync(Func<Task> call) => await Should.ThrowAsync<ApiException>(call);

    private static JsonElement Json(object? value) =>
        JsonSerializer.SerializeToElement(value, QueryJson.Options);

    private static JsonElement Json(RawJson raw) => JsonDocument.Parse(raw.Utf8).RootElement.Clone();

    [Fact]
    public async Task totals_are_answered_for_a_known_campaign_and_404_for_an_unknown_one_or_a_draft()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var active = Guid.NewGuid();
        var draft = Guid.NewGuid();
        await side.CampaignAsync(active, version: 2, goal: 2000m);
        await side.CampaignAsync(draft, version: 1, status: "draft");
        await side.CompletedAsync(Guid.NewGuid(), active, 500m, Guid.NewGuid());
        await side.SettleAsync();
        var replica = side.Replica();

        var endpoint = Factory.Create<GetTotals.Endpoint>(Callers.Anonymous.With("id", active), replica.Totals);
        await endpoint.HandleAsync(CancellationToken.None);

        var totals = Json(endpoint.Response);
        totals.GetProperty("campaignId").GetGuid().ShouldBe(active);
        totals.GetProperty("raisedAmount").GetDecimal().ShouldBe(500m);
        totals.GetProperty("donorCount").GetInt32().ShouldBe(1);
        totals.GetProperty("donationCount").GetInt32().ShouldBe(1);
        totals.GetProperty("progressPercentage").GetDecimal().ShouldBe(25m);
        totals.GetProperty("currency").GetString().ShouldBe("BDT");

        foreach (var id in new[] { draft, Guid.NewGuid() })
        {
            var refused = await RefusedAsync(() =>
                Factory.Create<GetTotals.Endpoint>(Callers.Anonymous.With("id", id), replica.Totals).HandleAsync(CancellationToken.None));
            (refused.StatusCode, refused.Code).ShouldBe((404, "CAMPAIGN_NOT_FOUND"));
        }
    }

    [Fact]
    public async Task the_donor_wall_shows_completed_donations_hides_anonymous_names_and_never_an_email()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        await side.CampaignAsync(campaign, version: 2);
        var named = ReadSide.Pledge(Guid.NewGuid(), campaign, 100m, email: "named@example.org", name: "Nadia Islam", message: "Get well", at: side.Clock.Now);
        var hidden = ReadSide.Pledge(Guid.NewGuid(), campaign, 200m, Guid.NewGuid(), email: "hidden@example.org", at: side.Clock.Now.AddMinutes(1))
            with { IsAnonymous = true, DonorName = "Secret Person" };
        var refunded = ReadSide.Pledge(Guid.NewGuid(), campaign, 300m, email: "refunded@example.org", name: "Refunded Donor", at: side.Clock.Now.AddMinutes(2));
        await side.CompletedAsync(named);
        await side.CompletedAsync(hidden);
        await side.CompletedAsync(refunded);
        await side.RefundedAsync(refunded);
        await side.SettleAsync();
        var replica = side.Replica();

        var wall = Factory.Create<ByCampaign.Endpoint>(Callers.Anonymous, db.DataSource, replica.Totals);
        await wall.HandleAsync(new ByCampaign.Request { Id = campaign, Page = 1, Limit = 10 }, CancellationToken.None);

        wall.Response.Total.ShouldBe(2);
        wall.Response.Items.Select(i => (i.DonorName, i.IsAnonymous, i.Amount)).ShouldBe([("Anonymous", true, 200m), ("Nadia Islam", false, 100m)]);
        wall.Response.Items[1].Message.ShouldBe("Get well");
        var text = Json(wall.Response).GetRawText();
        text.ShouldNotContain("@");
        text.ShouldNotContain("Secret");
        text.ShouldNotContain("Refunded");
        (await db.ScalarAsync<object>("SELECT donor_name FROM query.donation_history WHERE pledge_id = @p", ("p", hidden.PledgeId)))
            .ShouldBe(DBNull.Value, "an anonymous donor's name is not even kept");

        var unknown = await RefusedAsync(() => Factory.Create<ByCampaign.Endpoint>(Callers.Anonymous, db.DataSource, replica.Totals)
            .HandleAsync(new ByCampaign.Request { Id = Guid.NewGuid(), Page = 1, Limit = 10 }, CancellationToken.None));
        unknown.Code.ShouldBe("CAMPAIGN_NOT_FOUND");
    }

    [Fact]
    public async Task a_users_donations_and_statistics_are_for_that_user_or_an_admin_only()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        var donor = Guid.NewGuid();
        await side.CampaignAsync(campaign, version: 2, title: "School for Sylhet");
        var kept = ReadSide.Pledge(Guid.NewGuid(), campaign, 100m, donor, at: side.Clock.Now);
        var refunded = ReadSide.Pledge(Guid.NewGuid(), campaign, 40m, donor, at: side.Clock.Now.AddMinutes(1));
        await side.CompletedAsync(kept);
        await side.CompletedAsync(refunded);
        await side.RefundedAsync(refunded);
        await side.CompletedAsync(Guid.NewGuid(), campaign, 999m, Guid.NewGuid());
        await side.SettleAsync();

        foreach (var caller in new[] { Callers.User(donor), Callers.Admin(Guid.NewGuid()) })
        {
            var history = Factory.Create<ByUser.Endpoint>(caller, db.DataSource);
            await history.HandleAsync(new ByUser.Request { Id = donor, Page = 1, Limit = 20 }, CancellationToken.None);
            history.Response.Total.ShouldBe(2);
            history.Response.Items.Select(i => (i.PledgeId, i.Status)).ShouldBe([(refunded.PledgeId, "refunded"), (kept.PledgeId, "completed")]);
            history.Response.Items.ShouldAllBe(i => i.CampaignTitle == "School for Sylhet");
            Json(history.Response).GetRawText().ShouldNotContain("@");

            var statistics = Factory.Create<UserStatistics.Endpoint>(caller, db.DataSource);
            await statistics.HandleAsync(new UserStatistics.Request { Id = donor }, CancellationToken.None);
            (statistics.Response.TotalDonated, statistics.Response.DonationCount, statistics.Response.CampaignsSupported).ShouldBe((100m, 1, 1));
        }

        var stranger = Callers.User(Guid.NewGuid());
        (await RefusedAsync(() => Factory.Create<ByUser.Endpoint>(stranger, db.DataSource)
            .HandleAsync(new ByUser.Request { Id = donor, Page = 1, Limit = 20 }, CancellationToken.None))).StatusCode.ShouldBe(403);
        (await RefusedAsync(() => Factory.Create<UserStatistics.Endpoint>(stranger, db.DataSource)
            .HandleAsync(new UserStatistics.Request { Id = donor }, CancellationToken.None))).StatusCode.ShouldBe(403);

        // A user who never donated gets zeros, not an error.
        var newcomer = Guid.NewGuid();
        var empty = Factory.Create<UserStatistics.Endpoint>(Callers.User(newcomer), db.DataSource);
        await empty.HandleAsync(new UserStatistics.Request { Id = newcomer }, CancellationToken.None);
        (empty.Response.TotalDonated, empty.Response.DonationCount).ShouldBe((0m, 0));
    }

    [Fact]
    public async Task a_guests_history_opens_only_with_a_live_link_for_that_email_and_shows_only_that_emails_donations()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        await side.CampaignAsync(campaign, version: 2);
        var mine = ReadSide.Pledge(Guid.NewGuid(), campaign, 75m, email: "Guest.One@Example.org", at: side.Clock.Now);
        var theirs = ReadSide.Pledge(Guid.NewGuid(), campaign, 80m, email: "guest.two@example.org", at: side.Clock.Now);
        await side.CompletedAsync(mine);
        await side.CompletedAsync(theirs);
        await side.SettleAsync();
        var clock = new FixedClock(side.Clock.Now);
        var tokens = new GuestAccessTokens(GuestKey, clock);
        var token = tokens.IssueForDonorHistory("guest.one@example.org", TimeSpan.FromDays(7));

        Action<DefaultHttpContext> Guest(string email, string? presented) => context =>
        {
            Callers.Anonymous(context);
            context.Request.Headers[GuestAccessTokens.DonorEmailHeader] = email;
            if (presented is not null)
            {
                context.Request.Headers[GuestAccessTokens.DonorHistoryTokenHeader] = presented;
            }
        };

        Task OpenAsync(string email, string? presented) =>
            Factory.Create<ByGuest.Endpoint>(Guest(email, presented), db.DataSource, tokens)
                .HandleAsync(new ByGuest.Request { Page = 1, Limit = 20 }, CancellationToken.None);

        var history = Factory.Create<ByGuest.Endpoint>(Guest(" GUEST.ONE@example.org", token), db.DataSource, tokens);
        await history.HandleAsync(new ByGuest.Request { Page = 1, Limit = 20 }, CancellationToken.None);
        history.Response.Items.ShouldHaveSingleItem().PledgeId.ShouldBe(mine.PledgeId);
        Json(history.Response).GetRawText().ShouldNotContain("@");

        var altered = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");
        foreach (var (email, presented) in new (string, string?)[]
                 {
                     ("guest.two@example.org", token), // another address
                     ("guest.one@example.org", altered), // altered
                     ("guest.one@example.org", null), // missing
                     ("guest.one@example.org", tokens.IssueForPledge(mine.PledgeId, TimeSpan.FromDays(7))), // another purpose
                 })
        {
            var refused = await RefusedAsync(() => OpenAsync(email, presented));
            (refused.StatusCode, refused.Code).ShouldBe((401, "INVALID_HISTORY_LINK"));
        }

        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        (await RefusedAsync(() => OpenAsync("guest.one@example.org", token))).Code.ShouldBe("INVALID_HISTORY_LINK");
    }

    [Fact]
    public async Task top_campaigns_are_public_ones_only_in_the_order_asked_and_of_the_type_asked()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var big = Guid.NewGuid();
        var close = Guid.NewGuid();
        var done = Guid.NewGuid();
        var cancelled = Guid.NewGuid();
        await side.CampaignAsync(big, version: 2, goal: 100_000m, type: "medical");
        await side.CampaignAsync(close, version: 2, goal: 1_000m, type: "education");
        await side.CampaignAsync(done, version: 2, goal: 4_000m, type: "medical", status: "completed");
        await side.CampaignAsync(cancelled, version: 2, goal: 10m, type: "medical", status: "cancelled");
        await side.CompletedAsync(Guid.NewGuid(), big, 5_000m);
        await side.CompletedAsync(Guid.NewGuid(), close, 900m);
        await side.CompletedAsync(Guid.NewGuid(), done, 2_000m);
        await side.CompletedAsync(Guid.NewGuid(), cancelled, 9_000m);
        await side.SettleAsync();
        var replica = side.Replica();

        async Task<Guid[]> TopAsync(string by, string? type)
        {
            var endpoint = Factory.Create<Top.Endpoint>(Callers.Anonymous, db.DataSource, replica.Stats);
            await endpoint.HandleAsync(new Top.Request { By = by, Type = type, Limit = 10 }, CancellationToken.None);
            return [.. Json(endpoint.Response).EnumerateArray().Select(c => c.GetProperty("campaignId").GetGuid())];
        }

        (await TopAsync("raised", null)).ShouldBe([big, done, close]);
        (await TopAsync("progress", null)).ShouldBe([close, done, big]);
        (await TopAsync("raised", "medical")).ShouldBe([big, done]);

        var invalid = new Top.Validator().Validate(new Top.Request { By = "donors", Type = "space", Limit = 500 });
        // Property names are camel-cased once an application configured FastEndpoints in this process.
        invalid.Errors.Select(e => e.PropertyName.ToLowerInvariant()).ShouldBe(["by", "type", "limit"], ignoreOrder: true);
    }

    [Fact]
    public async Task platform_statistics_and_the_admin_dashboard_agree_with_the_donations()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        await side.CampaignAsync(campaign, version: 2);
        await side.CampaignAsync(Guid.NewGuid(), version: 1, status: "draft");
        // 2025-11-21T06:30Z is 12:30 in Dhaka; the Dhaka day began at 2025-11-20T18:00Z.
        await side.CompletedAsync(ReadSide.Pledge(Guid.NewGuid(), campaign, 100m, at: DateTimeOffset.Parse("2025-11-20T17:10:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        await side.CompletedAsync(ReadSide.Pledge(Guid.NewGuid(), campaign, 250m, Guid.NewGuid(), at: DateTimeOffset.Parse("2025-11-20T18:05:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        await side.CompletedAsync(ReadSide.Pledge(Guid.NewGuid(), campaign, 50m, Guid.NewGuid(), at: DateTimeOffset.Parse("2025-11-21T06:01:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        await side.SettleAsync();
        var replica = side.Replica();

        var platform = Factory.Create<Platform.Endpoint>(Callers.Anonymous, db.DataSource, replica.Stats);
        await platform.HandleAsync(CancellationToken.None);
        var figures = Json(platform.Response);
        figures.GetProperty("totalRaised").GetDecimal().ShouldBe(400m);
        figures.GetProperty("totalDonations").GetInt32().ShouldBe(3);
        figures.GetProperty("totalDonors").GetInt32().ShouldBe(3);
        figures.GetProperty("totalCampaigns").GetInt32().ShouldBe(1);
        figures.GetProperty("activeCampaigns").GetInt32().ShouldBe(1);

        var dashboard = Factory.Create<Dashboard.Endpoint>(Callers.Admin(Guid.NewGuid()), db.DataSource, side.Clock);
        await dashboard.HandleAsync(CancellationToken.None);
        var stats = dashboard.Response;
        (stats.TotalRaised, stats.RaisedToday, stats.DonationsToday, stats.TotalDonations, stats.TotalDonors).ShouldBe((400m, 300m, 2, 3, 3));
        stats.CampaignsByStatus["active"].ShouldBe(1);
        stats.CampaignsByStatus["draft"].ShouldBe(1);
        stats.CampaignsByStatus["expired"].ShouldBe(0);
        stats.DonationsPerHour.Count.ShouldBe(24);
        stats.DonationsPerHour[^1].Hour.ShouldBe(DateTimeOffset.Parse("2025-11-21T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        stats.DonationsPerHour.Sum(h => h.Amount).ShouldBe(400m);
        stats.DonationsPerHour.Single(h => h.Hour.Hour == 17).Donations.ShouldBe(1);
    }
}
