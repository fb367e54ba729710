using CareForAll.Admin.Features.SystemNotifications.DeadLetters;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareForAll.Admin.Tests;

/// <summary>The dead-letter watch over a faked broker count and a real database.</summary>
[Collection(PostgresGroup.Name)]
public sealed class DeadLetterTests(PostgresServer server) : IAsyncLifetime
{
    private readonly FakeDeadLetters _counts = new();
    private AdminDatabase _database = null!;

    public async Task InitializeAsync() => _database = await AdminDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DeadLetterCheck Check() =>
        new(_counts, _database.DataSource, _database.Clock, TestMeters.Metrics, NullLogger<DeadLetterCheck>.Instance);

    private Task<long> NotificationsAsync(string queue) =>
        _database.CountAsync(
            "SELECT count(*) FROM admin.system_notifications WHERE category = 'dead_letters' AND metadata->>'queue' = @queue", ("queue", queue));

    [Fact]
    public async Task a_growing_dead_letter_queue_raises_one_critical_notification_per_increase()
    {
        (await Check().RunAsync(CancellationToken.None)).ShouldBeEmpty();

        _counts.Set("notifications", 2);
        var first = (await Check().RunAsync(CancellationToken.None)).ShouldHaveSingleItem();
        var unchanged = await Check().RunAsync(CancellationToken.None);
        _counts.Set("notifications", 5);
        var second = (await Check().RunAsync(CancellationToken.None)).ShouldHaveSingleItem();

        unchanged.ShouldBeEmpty();
        first.Severity.ShouldBe("critical");
        first.Title.ShouldBe("Messages dead-lettered on notifications");
        first.Message.ShouldStartWith("2 more messages");
        second.Message.ShouldStartWith("3 more messages");
        (await NotificationsAsync("notifications")).ShouldBe(2);
        (await NotificationsAsync("query")).ShouldBe(0);
    }

    [Fact]
    public async Task a_queue_drained_by_an_operator_is_news_again_when_it_grows()
    {
        _counts.Set("query", 3);
        await Check().RunAsync(CancellationToken.None);
        _counts.Set("query", 0);
        (await Check().RunAsync(CancellationToken.None)).ShouldBeEmpty();
        _counts.Set("query", 3);

        (await Check().RunAsync(CancellationToken.None)).ShouldHaveSingleItem().Message.ShouldStartWith("3 more messages");
        (await NotificationsAsync("query")).ShouldBe(2);
    }

    [Fact]
    public async Task a_count_the_broker_cannot_give_changes_nothing()
    {
        _counts.Set("admin", 4);
        await Check().RunAsync(CancellationToken.None);
        _counts.Set("admin", null);
        (await Check().RunAsync(CancellationToken.None)).ShouldBeEmpty();
        _counts.Set("admin", 4);

        (await Check().RunAsync(CancellationToken.None)).ShouldBeEmpty();
        (await NotificationsAsync("admin")).ShouldBe(1);
    }

    [Fact]
    public async Task two_replicas_seeing_the_same_increase_raise_it_once()
    {
        _counts.Set("campaigns", 1);

        var raised = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Check().ObserveAsync("campaigns", 1, CancellationToken.None)));

        raised.Count(alert => alert is not null).ShouldBe(1);
        (await NotificationsAsync("campaigns")).ShouldBe(1);
    }

    [Fact]
    public async Task the_count_survives_a_restart()
    {
        _counts.Set("pledges", 2);
        await Check().RunAsync(CancellationToken.None);

        // A new check (as after a restart) remembers the count from the database, not from memory.
        (await Check().RunAsync(CancellationToken.None)).ShouldBeEmpty();
        (await _database.CountAsync("SELECT message_count FROM admin.dead_letter_counts WHERE queue_name = 'pledges'")).ShouldBe(2);
    }
}
