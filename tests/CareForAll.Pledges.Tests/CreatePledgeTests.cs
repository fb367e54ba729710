using System.Text.Json;
using CareForAll.Pledges.Domain;
using Dapper;
using Create = CareForAll.Pledges.Features.Pledges.Create;
using Get = CareForAll.Pledges.Features.Pledges.Get;

namespace CareForAll.Pledges.Tests;

[Collection(PostgresGroup.Name)]
public sealed class CreatePledgeTests(PostgresServer server)
{
    [Fact]
    public async Task a_pledge_read_carries_its_campaigns_status_as_pledges_last_heard_it()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var campaignId = Guid.NewGuid();
        var request = new Create.Request { CampaignId = campaignId, Amount = 100m, DonorEmail = "guest@example.org" };
        var pledge = Create.Mapper.ToNewPledge(request, Guid.CreateVersion7(now), userId: null, request.DonorEmail!, now);
        await using (var connection = await database.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Create.Data.RecordAsync(connection, transaction, pledge, default);
            await transaction.CommitAsync();
        }

        (await Get.Data.CampaignStatusAsync(database, campaignId, default)).ShouldBeNull();
        await using (var connection = await database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO pledges.campaigns (id, status, version, updated_at) VALUES (@Id, 'cancelled', 3, now())", new { Id = campaignId });
        }

        var status = await Get.Data.CampaignStatusAsync(database, campaignId, default);
        var row = (await Get.Data.FindAsync(database, pledge.Id, default)).ShouldNotBeNull();
        Get.Mapper.ToResponse(row, status).CampaignStatus.ShouldBe("cancelled");
    }

    [Fact]
    public async Task a_pledge_is_stored_pending_with_its_created_event()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var request = new Create.Request
        {
            CampaignId = Guid.NewGuid(),
            Amount = 2500.50m,
            DonorEmail = "Guest@Example.org",
            DonorName = "Guest",
            Message = "For the surgery",
            Metadata = JsonSerializer.Deserialize<JsonElement>("""{"phone":"+8801711000000"}"""),
        };
        var pledge = Create.Mapper.ToNewPledge(request, Guid.CreateVersion7(now), userId: null, request.DonorEmail!, now);

        await using (var connection = await database.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Create.Data.RecordAsync(connection, transaction, pledge, default);
            await transaction.CommitAsync();
        }

        var row = (await Get.Data.FindAsync(database, pledge.Id, default)).ShouldNotBeNull();
        row.Status.ShouldBe(PledgeStatus.Pending);
        row.Version.ShouldBe(1);
        row.UserId.ShouldBeNull();
        row.DonorEmail.ShouldBe("guest@example.org");
        row.Amount.ShouldBe(2500.50m);
        row.Currency.ShouldBe("BDT");
        row.PaymentVersion.ShouldBe(0);

        var response = Get.Mapper.ToResponse(row);
        response.CreatedAt.ShouldBe(now);
        response.Metadata!.Value.GetProperty("phone").GetString().ShouldBe("+8801711000000");

        var created = (await PledgeStore.EventsAsync(database, pledge.Id)).ShouldHaveSingleItem();
        created.EventType.ShouldBe("pledge.created");
        created.AggregateVersion.ShouldBe(1);
        created.Text("status").ShouldBe("pending");
        created.Text("previousStatus").ShouldBeNull();
        created.Text("donorName").ShouldBe("Guest");
        created.Text("currency").ShouldBe("BDT");
        created.Data.GetProperty("amount").GetDecimal().ShouldBe(2500.50m);
    }

    [Fact]
    public async Task an_anonymous_pledge_keeps_the_name_for_the_donor_but_not_in_its_event()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);

        var pledge = await PledgeStore.CreateAsync(database, name: "Bob", anonymous: true);

        (await Get.Data.FindAsync(database, pledge.Id, default))!.DonorName.ShouldBe("Bob");
        (await PledgeStore.EventsAsync(database, pledge.Id)).Single().Text("donorName").ShouldBeNull();
    }

    [Fact]
    public async Task the_database_refuses_a_non_bdt_or_non_positive_amount()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        await using var connection = await database.OpenConnectionAsync();

        const string insert = """
            INSERT INTO pledges.pledges (id, campaign_id, donor_email, amount, currency)
            VALUES (@id, @campaign, 'a@example.org', @amount, @currency)
            """;
        await Should.ThrowAsync<Npgsql.PostgresException>(() =>
            connection.ExecuteAsync(insert, new { id = Guid.NewGuid(), campaign = Guid.NewGuid(), amount = 0m, currency = "BDT" }));
        await Should.ThrowAsync<Npgsql.PostgresException>(() =>
            connection.ExecuteAsync(insert, new { id = Guid.NewGuid(), campaign = Guid.NewGuid(), amount = 10m, currency = "USD" }));
    }
}
