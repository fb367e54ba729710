using System.Text.Json;
using CareForAll.Pledges.Domain;
using ListByCampaign = CareForAll.Pledges.Features.Pledges.ListByCampaign;

namespace CareForAll.Pledges.Tests;

[Collection(PostgresGroup.Name)]
public sealed class DonorWallTests(PostgresServer server)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task the_wall_shows_completed_pledges_without_emails_and_hides_anonymous_donors()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var campaign = Guid.NewGuid();
        var named = await PledgeStore.CreateAsync(database, campaign, Guid.NewGuid(), "ann@example.org", "Ann", amount: 500m);
        var anonymous = await PledgeStore.CreateAsync(database, campaign, Guid.NewGuid(), "bob@example.org", "Bob", anonymous: true, amount: 700m);
        var pending = await PledgeStore.CreateAsync(database, campaign, null, "cat@example.org", "Cat");
        var elsewhere = await PledgeStore.CreateAsync(database, Guid.NewGuid(), null, "dan@example.org", "Dan");
        await PledgeStore.SetStatusAsync(database, named.Id, PledgeStatus.Completed, Start);
        await PledgeStore.SetStatusAsync(database, anonymous.Id, PledgeStatus.Completed, Start.AddMinutes(1));
        await PledgeStore.SetStatusAsync(database, elsewhere.Id, PledgeStatus.Completed, Start);

        var (rows, total) = await ListByCampaign.Data.ListAsync(database, campaign, page: 1, limit: 20, default);

        total.ShouldBe(2);
        rows.Select(r => r.Id).ShouldBe([anonymous.Id, named.Id]);
        rows.ShouldNotContain(r => r.Id == pending.Id);

        var hidden = rows[0];
        hidden.DonorName.ShouldBe("Anonymous");
        hidden.UserId.ShouldBeNull();
        hidden.IsAnonymous.ShouldBeTrue();
        hidden.Amount.ShouldBe(700m);
        hidden.Message.ShouldBe("Get well soon");

        rows[1].DonorName.ShouldBe("Ann");
        rows[1].UserId.ShouldBe(named.UserId);

        var json = JsonSerializer.Serialize(rows.Select(ListByCampaign.Mapper.ToItem), JsonSerializerOptions.Web);
        json.ShouldNotContain("@example.org");
        json.ShouldNotContain("Bob");
        json.ShouldNotContain("mail", Case.Insensitive);
    }

    [Fact]
    public async Task the_wall_pages_with_the_total()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var campaign = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            var pledge = await PledgeStore.CreateAsync(database, campaign);
            await PledgeStore.SetStatusAsync(database, pledge.Id, PledgeStatus.Completed, Start.AddMinutes(i));
        }

        var (rows, total) = await ListByCampaign.Data.ListAsync(database, campaign, page: 3, limit: 2, default);

        total.ShouldBe(5);
        rows.Count.ShouldBe(1);
    }

    [Fact]
    public void no_wall_row_can_carry_an_email() =>
        typeof(ListByCampaign.WallRow).GetProperties().Concat(typeof(ListByCampaign.Item).GetProperties())
            .ShouldNotContain(p => p.Name.Contains("Email", StringComparison.OrdinalIgnoreCase));
}
