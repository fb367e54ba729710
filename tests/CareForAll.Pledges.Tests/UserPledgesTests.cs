using ListByUser = CareForAll.Pledges.Features.Pledges.ListByUser;

namespace CareForAll.Pledges.Tests;

[Collection(PostgresGroup.Name)]
public sealed class UserPledgesTests(PostgresServer server)
{
    [Fact]
    public async Task a_users_pledges_come_newest_first_and_only_theirs()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var user = Guid.NewGuid();
        var start = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var first = await PledgeStore.CreateAsync(database, userId: user, at: start);
        var second = await PledgeStore.CreateAsync(database, userId: user, at: start.AddMinutes(1));
        var third = await PledgeStore.CreateAsync(database, userId: user, at: start.AddMinutes(2));
        await PledgeStore.CreateAsync(database, userId: Guid.NewGuid(), at: start.AddMinutes(3));
        await PledgeStore.CreateAsync(database, userId: null, at: start.AddMinutes(4));

        var (page1, total) = await ListByUser.Data.ListAsync(database, user, page: 1, limit: 2, default);
        var (page2, _) = await ListByUser.Data.ListAsync(database, user, page: 2, limit: 2, default);

        total.ShouldBe(3);
        page1.Select(p => p.Id).ShouldBe([third.Id, second.Id]);
        page2.Select(p => p.Id).ShouldBe([first.Id]);
        CareForAll.Pledges.Features.Pledges.Get.Mapper.ToResponse(page1[0]).CreatedAt.ShouldBe(start.AddMinutes(2));
    }
}
