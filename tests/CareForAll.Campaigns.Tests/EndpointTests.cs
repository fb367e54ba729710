using CareForAll.ServiceDefaults.Api;
using FastEndpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Create = CareForAll.Campaigns.Features.Campaigns.Create;
using Delete = CareForAll.Campaigns.Features.Campaigns.Delete;
using Get = CareForAll.Campaigns.Features.Campaigns.Get;
using ListByOrganizer = CareForAll.Campaigns.Features.Campaigns.ListByOrganizer;
using Move = CareForAll.Campaigns.Features.Campaigns.ChangeStatus;
using Update = CareForAll.Campaigns.Features.Campaigns.Update;

namespace CareForAll.Campaigns.Tests;

/// <summary>The endpoints' own decisions (who may do what, in which state) against a real database, without HTTP.</summary>
[Collection(PostgresGroup.Name)]
public sealed class EndpointTests(PostgresServer server)
{
    private readonly FixedClock _clock = new(DateTimeOffset.UtcNow);
    private readonly Guid _organizer = Guid.NewGuid();
    private readonly Guid _admin = Guid.NewGuid();

    private Move.Endpoint MoveAs(CampaignDatabase db, Action<DefaultHttpContext> caller) =>
        Factory.Create<Move.Endpoint>(caller, db.DataSource, _clock, TestMeters.Metrics, NullLogger<Move.Endpoint>.Instance);

    private Update.Endpoint EditAs(CampaignDatabase db, Action<DefaultHttpContext> caller) =>
        Factory.Create<Update.Endpoint>(caller, db.DataSource, _clock, NullLogger<Update.Endpoint>.Instance);

    private Delete.Endpoint DeleteAs(CampaignDatabase db, Action<DefaultHttpContext> caller) =>
        Factory.Create<Delete.Endpoint>(caller, db.DataSource, _clock, TestMeters.Metrics, NullLogger<Delete.Endpoint>.Instance);

    private static Get.Endpoint GetAs(CampaignDatabase db, Action<DefaultHttpContext> caller) =>
        Factory.Create<Get.Endpoint>(caller, db.DataSource);

    private static async Task<ApiException> RefusedAsync(Func<Task> call) => await Should.ThrowAsync<ApiException>(call);

    [Fact]
    public async Task an_admin_approves_a_draft_and_the_event_carries_the_actor()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: "draft", organizerId: _organizer);

        var endpoint = MoveAs(db, Callers.Admin(_admin));
        await endpoint.HandleAsync(new Move.Request { Id = id, Status = "active" }, CancellationToken.None);

        endpoint.Response.Status.ShouldBe("active");
        var activated = (await db.EventsAsync("campaign.activated", id)).ShouldHaveSingleItem();
        activated.GetProperty("previousStatus").GetString().ShouldBe("draft");
        activated.GetProperty("status").GetString().ShouldBe("active");
        activated.GetProperty("actor").GetProperty("actorId").GetGuid().ShouldBe(_admin);
        activated.GetProperty("actor").GetProperty("clientAddress").GetString().ShouldBe("203.0.113.7");
        activated.GetProperty("actor").GetProperty("userAgent").GetString().ShouldBe("tests");
        (await db.ScalarAsync<long>(
            "SELECT count(*) FROM campaigns.campaign_status_history WHERE campaign_id = @id AND from_status = 'draft' AND to_status = 'active' AND actor_id = @actor",
            ("id", id), ("actor", _admin))).ShouldBe(1);
    }

    [Fact]
    public async Task an_organizer_cannot_approve_their_own_draft()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: "draft", organizerId: _organizer);

        var refused = await RefusedAsync(() => MoveAs(db, Callers.User(_organizer)).HandleAsync(new Move.Request { Id = id, Status = "active" }, CancellationToken.None));

        refused.StatusCode.ShouldBe(409);
        refused.Code.ShouldBe("INVALID_STATUS_TRANSITION");
        (await db.StatusAsync(id)).ShouldBe("draft");
    }

    [Fact]
    public async Task an_organizer_withdraws_their_draft_and_closes_their_active_campaign()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var draft = await db.InsertCampaignAsync(status: "draft", organizerId: _organizer);
        var active = await db.InsertCampaignAsync(status: "active", organizerId: _organizer);

        await MoveAs(db, Callers.User(_organizer)).HandleAsync(new Move.Request { Id = draft, Status = "cancelled" }, CancellationToken.None);
        await MoveAs(db, Callers.User(_organizer)).HandleAsync(new Move.Request { Id = active, Status = "completed" }, CancellationToken.None);

        (await db.StatusAsync(draft)).ShouldBe("cancelled");
        (await db.StatusAsync(active)).ShouldBe("completed");
        (await db.EventCountAsync("campaign.cancelled", draft)).ShouldBe(1);
        (await db.EventCountAsync("campaign.completed", active)).ShouldBe(1);
        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaigns WHERE closed_at IS NOT NULL")).ShouldBe(2);
    }

    [Fact]
    public async Task an_admin_cancelling_without_a_reason_is_told_to_give_one()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: "active");

        var refused = await RefusedAsync(() => MoveAs(db, Callers.Admin(_admin)).HandleAsync(new Move.Request { Id = id, Status = "cancelled" }, CancellationToken.None));

        refused.StatusCode.ShouldBe(400);
        refused.Code.ShouldBe("VALIDATION_ERROR");
        ((Dictionary<string, string[]>)refused.Details!).Keys.ShouldBe(["reason"]);

        await MoveAs(db, Callers.Admin(_admin)).HandleAsync(new Move.Request { Id = id, Status = "cancelled", Reason = "Fraud report" }, CancellationToken.None);
        var cancelled = (await db.EventsAsync("campaign.cancelled", id)).ShouldHaveSingleItem();
        cancelled.GetProperty("reason").GetString().ShouldBe("Fraud report");
        (await db.ScalarAsync<string>("SELECT cancel_reason FROM campaigns.campaigns WHERE id = @id", ("id", id))).ShouldBe("Fraud report");
    }

    [Theory]
    [InlineData("completed", "active")]
    [InlineData("expired", "completed")]
    [InlineData("cancelled", "active")]
    [InlineData("active", "draft")]
    [InlineData("active", "expired")]
    [InlineData("active", "active")]
    public async Task moves_outside_the_state_machine_are_refused_even_to_admins(string from, string to)
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: from);

        var refused = await RefusedAsync(() =>
            MoveAs(db, Callers.Admin(_admin)).HandleAsync(new Move.Request { Id = id, Status = to, Reason = "because" }, CancellationToken.None));

        refused.StatusCode.ShouldBe(409);
        refused.Code.ShouldBe("INVALID_STATUS_TRANSITION");
        (await db.StatusAsync(id)).ShouldBe(from);
        (await db.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(0);
    }

    [Fact]
    public async Task strangers_get_404_for_a_draft_and_403_for_anything_else()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var draft = await db.InsertCampaignAsync(status: "draft", organizerId: _organizer);
        var active = await db.InsertCampaignAsync(status: "active", organizerId: _organizer);
        var stranger = Callers.User(Guid.NewGuid());

        (await RefusedAsync(() => MoveAs(db, stranger).HandleAsync(new Move.Request { Id = draft, Status = "cancelled" }, CancellationToken.None)))
            .StatusCode.ShouldBe(404);
        (await RefusedAsync(() => MoveAs(db, stranger).HandleAsync(new Move.Request { Id = active, Status = "completed" }, CancellationToken.None)))
            .StatusCode.ShouldBe(403);
        (await RefusedAsync(() => EditAs(db, stranger).HandleAsync(new Update.Request { Id = active, Title = "Mine now" }, CancellationToken.None)))
            .StatusCode.ShouldBe(403);
    }

    [Fact]
    public async Task a_draft_whose_end_date_passed_cannot_be_approved()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: "draft", start: _clock.Now.AddDays(-20), end: _clock.Now.AddDays(-1));

        var refused = await RefusedAsync(() => MoveAs(db, Callers.Admin(_admin)).HandleAsync(new Move.Request { Id = id, Status = "active" }, CancellationToken.None));

        refused.Code.ShouldBe("CAMPAIGN_ENDED");
    }

    [Fact]
    public async Task a_draft_is_seen_only_by_its_organizer_and_admins()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var draft = await db.InsertCampaignAsync(status: "draft", organizerId: _organizer);
        var active = await db.InsertCampaignAsync(status: "active");

        (await RefusedAsync(() => GetAs(db, Callers.Anonymous).HandleAsync(new Get.Request { Id = draft }, CancellationToken.None))).StatusCode.ShouldBe(404);
        (await RefusedAsync(() => GetAs(db, Callers.User(Guid.NewGuid())).HandleAsync(new Get.Request { Id = draft }, CancellationToken.None))).StatusCode.ShouldBe(404);

        var asOrganizer = GetAs(db, Callers.User(_organizer));
        await asOrganizer.HandleAsync(new Get.Request { Id = draft }, CancellationToken.None);
        asOrganizer.Response.Status.ShouldBe("draft");

        var asAdmin = GetAs(db, Callers.Admin(_admin));
        await asAdmin.HandleAsync(new Get.Request { Id = draft }, CancellationToken.None);
        asAdmin.Response.Id.ShouldBe(draft);

        var anonymous = GetAs(db, Callers.Anonymous);
        await anonymous.HandleAsync(new Get.Request { Id = active }, CancellationToken.None);
        anonymous.Response.Status.ShouldBe("active");
        anonymous.Response.Currency.ShouldBe("BDT");
    }

    [Fact]
    public async Task an_active_campaigns_terms_are_refused_by_name_and_nothing_changes()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: "active", organizerId: _organizer, goal: 1000m);

        var refused = await RefusedAsync(() => EditAs(db, Callers.User(_organizer)).HandleAsync(
            new Update.Request { Id = id, GoalAmount = 2000m, CampaignType = "education", Title = "A new title" }, CancellationToken.None));

        refused.StatusCode.ShouldBe(409);
        refused.Code.ShouldBe("CAMPAIGN_TERMS_FIXED");
        System.Text.Json.JsonSerializer.Serialize(refused.Details).ShouldBe("""{"fields":["goalAmount","campaignType"]}""");
        (await db.ScalarAsync<string>("SELECT title FROM campaigns.campaigns WHERE id = @id", ("id", id))).ShouldBe("Heart surgery for Rahim");
    }

    [Fact]
    public async Task an_active_campaigns_story_and_end_date_change_with_one_event_naming_them()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: "active", organizerId: _organizer, goal: 1000m);
        var newEnd = _clock.Now.AddDays(90);
        var oldEnd = await db.ScalarAsync<DateTime>("SELECT end_date FROM campaigns.campaigns WHERE id = @id", ("id", id));

        var endpoint = EditAs(db, Callers.User(_organizer));
        await endpoint.HandleAsync(new Update.Request
        {
            Id = id,
            Title = "Heart surgery for Rahim, age nine",
            GoalAmount = 1000.00m,
            EndDate = newEnd,
            Documents = [new Create.DocumentInput { Name = "Report", Url = "https://d.example.org/r.pdf" }],
        }, CancellationToken.None);

        endpoint.Response.Title.ShouldBe("Heart surgery for Rahim, age nine");
        endpoint.Response.Documents.ShouldHaveSingleItem().Url.ShouldBe("https://d.example.org/r.pdf");
        var updated = (await db.EventsAsync("campaign.updated", id)).ShouldHaveSingleItem();
        updated.GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["documents", "title", "endDate"], ignoreOrder: true);
        updated.GetProperty("actor").GetProperty("actorId").GetGuid().ShouldBe(_organizer);
        updated.GetProperty("actor").GetProperty("role").GetString().ShouldBe("USER");
        var previous = updated.GetProperty("previous");
        previous.EnumerateObject().Select(p => p.Name).ShouldBe(["documents", "title", "endDate"], ignoreOrder: true);
        previous.GetProperty("title").GetString().ShouldBe("Heart surgery for Rahim");
        previous.GetProperty("documents").GetArrayLength().ShouldBe(0);
        previous.GetProperty("endDate").GetDateTimeOffset().UtcDateTime.ShouldBe(oldEnd);
        updated.GetProperty("endDate").GetDateTimeOffset().ShouldBe(newEnd, TimeSpan.FromMilliseconds(1));
        (await db.ScalarAsync<long>("SELECT version FROM campaigns.campaigns WHERE id = @id", ("id", id))).ShouldBe(2);
    }

    [Fact]
    public async Task an_edit_that_changes_nothing_emits_nothing()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: "active", organizerId: _organizer);

        await EditAs(db, Callers.Admin(_admin)).HandleAsync(new Update.Request { Id = id, Title = "Heart surgery for Rahim" }, CancellationToken.None);

        (await db.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(0);
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("expired")]
    [InlineData("cancelled")]
    public async Task a_closed_campaign_is_never_edited(string status)
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: status, organizerId: _organizer);

        var refused = await RefusedAsync(() => EditAs(db, Callers.Admin(_admin)).HandleAsync(new Update.Request { Id = id, Title = "Another title" }, CancellationToken.None));

        refused.StatusCode.ShouldBe(409);
        refused.Code.ShouldBe("CAMPAIGN_CLOSED");
    }

    [Fact]
    public async Task a_draft_may_change_its_goal_and_beneficiary()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: "draft", organizerId: _organizer, goal: 1000m);

        var endpoint = EditAs(db, Callers.User(_organizer));
        await endpoint.HandleAsync(new Update.Request { Id = id, GoalAmount = 2500.50m, BeneficiaryName = "Rahim Uddin" }, CancellationToken.None);

        endpoint.Response.GoalAmount.ShouldBe(2500.50m);
        endpoint.Response.BeneficiaryName.ShouldBe("Rahim Uddin");
    }

    [Fact]
    public async Task a_draft_that_never_had_money_is_erased_after_announcing_its_cancellation()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: "draft", organizerId: _organizer);

        var endpoint = DeleteAs(db, Callers.Admin(_admin));
        await endpoint.HandleAsync(new Delete.Request { Id = id }, CancellationToken.None);

        endpoint.Response.Erased.ShouldBeTrue();
        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaigns WHERE id = @id", ("id", id))).ShouldBe(0);
        var cancelled = (await db.EventsAsync("campaign.cancelled", id)).ShouldHaveSingleItem();
        cancelled.GetProperty("reason").GetString().ShouldBe("deleted");
        cancelled.GetProperty("previousStatus").GetString().ShouldBe("draft");
        cancelled.GetProperty("status").GetString().ShouldBe("cancelled");
        (await db.ScalarAsync<long>("SELECT aggregate_version FROM outbox_messages WHERE aggregate_id = @id", ("id", id))).ShouldBe(2);
    }

    [Fact]
    public async Task deleting_an_active_campaign_cancels_it_and_keeps_it()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: "active", current: 500m);

        var endpoint = DeleteAs(db, Callers.Admin(_admin));
        await endpoint.HandleAsync(new Delete.Request { Id = id, Reason = "Organiser asked" }, CancellationToken.None);

        endpoint.Response.Erased.ShouldBeFalse();
        (await db.StatusAsync(id)).ShouldBe("cancelled");
        (await db.CurrentAmountAsync(id)).ShouldBe(500m);
        (await db.EventsAsync("campaign.cancelled", id)).ShouldHaveSingleItem().GetProperty("reason").GetString().ShouldBe("Organiser asked");
    }

    [Fact]
    public async Task a_draft_that_received_money_is_cancelled_not_erased()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: "draft");
        await new Contributions(db).CompletedAsync(Guid.NewGuid(), id, 50m);

        var endpoint = DeleteAs(db, Callers.Admin(_admin));
        await endpoint.HandleAsync(new Delete.Request { Id = id }, CancellationToken.None);

        endpoint.Response.Erased.ShouldBeFalse();
        (await db.StatusAsync(id)).ShouldBe("cancelled");
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("expired")]
    [InlineData("cancelled")]
    public async Task deleting_a_closed_campaign_is_refused(string status)
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var id = await db.InsertCampaignAsync(status: status);

        (await RefusedAsync(() => DeleteAs(db, Callers.Admin(_admin)).HandleAsync(new Delete.Request { Id = id }, CancellationToken.None)))
            .Code.ShouldBe("CAMPAIGN_CLOSED");
    }

    [Fact]
    public async Task an_organizer_lists_all_their_campaigns_but_not_someone_elses()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        await db.InsertCampaignAsync(status: "draft", organizerId: _organizer);
        await db.InsertCampaignAsync(status: "cancelled", organizerId: _organizer);
        await db.InsertCampaignAsync(status: "active");

        var mine = Factory.Create<ListByOrganizer.Endpoint>(Callers.User(_organizer), db.DataSource);
        await mine.HandleAsync(new ListByOrganizer.Request { UserId = _organizer }, CancellationToken.None);
        mine.Response.Total.ShouldBe(2);

        var byAdmin = Factory.Create<ListByOrganizer.Endpoint>(Callers.Admin(_admin), db.DataSource);
        await byAdmin.HandleAsync(new ListByOrganizer.Request { UserId = _organizer, Status = "draft" }, CancellationToken.None);
        byAdmin.Response.Items.ShouldHaveSingleItem().Status.ShouldBe("draft");

        var stranger = Factory.Create<ListByOrganizer.Endpoint>(Callers.User(Guid.NewGuid()), db.DataSource);
        (await RefusedAsync(() => stranger.HandleAsync(new ListByOrganizer.Request { UserId = _organizer }, CancellationToken.None))).StatusCode.ShouldBe(403);
    }

    [Fact]
    public async Task a_new_campaign_is_a_draft_organised_by_the_caller_with_its_history_and_event()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);
        var endpoint = Factory.Create<Create.Endpoint>(
            Callers.User(_organizer), db.DataSource, _clock, TestMeters.Metrics, NullLogger<Create.Endpoint>.Instance);

        await endpoint.HandleAsync(new Create.Request
        {
            Title = "Flood relief in Sylhet",
            Description = "Dry food and clean water for 500 families.",
            CampaignType = "emergency",
            GoalAmount = 250000m,
            EndDate = _clock.Now.AddDays(30),
            Documents = [new Create.DocumentInput { Name = "Plan", Url = "https://d.example.org/plan.pdf" }],
        }, CancellationToken.None);

        endpoint.HttpContext.Response.StatusCode.ShouldBe(201);
        var created = endpoint.Response;
        created.Status.ShouldBe("draft");
        created.OrganizerId.ShouldBe(_organizer);
        created.CurrentAmount.ShouldBe(0m);
        created.Currency.ShouldBe("BDT");
        created.StartDate.ShouldBe(_clock.Now, TimeSpan.FromMilliseconds(1));
        var data = (await db.EventsAsync("campaign.created", created.Id)).ShouldHaveSingleItem();
        data.GetProperty("campaignId").GetGuid().ShouldBe(created.Id);
        data.GetProperty("goalAmount").GetDecimal().ShouldBe(250000m);
        data.GetProperty("organizerId").GetGuid().ShouldBe(_organizer);
        (await db.ScalarAsync<long>(
            "SELECT count(*) FROM campaigns.campaign_status_history WHERE campaign_id = @id AND from_status IS NULL AND to_status = 'draft'",
            ("id", created.Id))).ShouldBe(1);
    }

    private Create.Endpoint CreateAs(CampaignDatabase db, Action<DefaultHttpContext> caller) =>
        Factory.Create<Create.Endpoint>(caller, db.DataSource, _clock, TestMeters.Metrics, NullLogger<Create.Endpoint>.Instance);

    private Create.Request NewCampaign() => new()
    {
        Title = "Flood relief in Sylhet",
        Description = "Dry food and clean water for 500 families.",
        CampaignType = "emergency",
        GoalAmount = 250000m,
        EndDate = _clock.Now.AddDays(30),
    };

    [Theory]
    [InlineData("false")]
    [InlineData(null)]
    [InlineData("")]
    public async Task a_user_whose_email_is_not_verified_cannot_publish_a_campaign(string? emailVerified)
    {
        await using var db = await CampaignDatabase.CreateAsync(server);

        var refused = await RefusedAsync(() => CreateAs(db, Callers.User(_organizer, emailVerified)).HandleAsync(NewCampaign(), CancellationToken.None));

        refused.StatusCode.ShouldBe(403);
        refused.Code.ShouldBe("EMAIL_NOT_VERIFIED");
        refused.Message.ShouldBe("Verify your email address before publishing a campaign.");
        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaigns")).ShouldBe(0);
        (await db.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(0);
    }

    [Fact]
    public async Task a_verified_user_publishes_and_an_admin_need_not_be_verified()
    {
        await using var db = await CampaignDatabase.CreateAsync(server);

        var byUser = CreateAs(db, Callers.User(_organizer, "true"));
        await byUser.HandleAsync(NewCampaign(), CancellationToken.None);
        var byAdmin = CreateAs(db, Callers.Admin(_admin, emailVerified: null));
        await byAdmin.HandleAsync(NewCampaign(), CancellationToken.None);

        byUser.Response.OrganizerId.ShouldBe(_organizer);
        byAdmin.Response.OrganizerId.ShouldBe(_admin);
        (await db.ScalarAsync<long>("SELECT count(*) FROM campaigns.campaigns")).ShouldBe(2);
    }
}
