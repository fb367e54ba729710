using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareForAll.BuildingBlocks.Tests;

public sealed class TopologyTests
{
    [Fact]
    public void a_consumer_of_a_listed_queue_that_handles_fewer_types_than_the_topology_is_refused_at_startup()
    {
        var builder = Host.CreateApplicationBuilder();
        var error = Should.Throw<InvalidOperationException>(() => builder.AddEventConsumer("campaigns",
            c => c.Handle<InboxTests.UserRegistered, InboxTests.RecordWelcome>("pledge.completed")));
        error.Message.ShouldContain("pledge.refunded");
    }

    [Fact]
    public void a_consumer_of_a_listed_queue_that_handles_exactly_its_types_starts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddEventConsumer("campaigns", c =>
        {
            c.Handle<InboxTests.UserRegistered, InboxTests.RecordWelcome>("pledge.completed");
            c.Handle<InboxTests.UserRegistered, InboxTests.RecordWelcome>("pledge.refunded");
        });
        builder.Services.Count(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void every_listed_queue_is_bound_to_dotted_event_types()
    {
        MessagingTopology.Queues.ShouldNotBeEmpty();
        foreach (var (queue, eventTypes) in MessagingTopology.Queues)
        {
            eventTypes.ShouldNotBeEmpty(queue);
            eventTypes.ShouldAllBe(type => type.Contains('.') && !type.Contains('*') && !type.Contains('#'));
        }
    }

    [Fact]
    public void a_listener_queue_refuses_handlers_that_need_the_inbox()
    {
        var builder = Host.CreateApplicationBuilder();
        Should.Throw<InvalidOperationException>(() => builder.AddEventListener("cache",
            c => c.Handle<InboxTests.UserRegistered, InboxTests.RecordWelcome>("user.registered")));
    }

    [Fact]
    public async Task a_listener_runs_without_a_database_every_time_the_event_arrives()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Seen>();
        var builder = new EventConsumerBuilder("cache", services, new ConsumerOptions());
        builder.Listen<Changed, RecordChange>("thing.changed");
        await using var provider = services.BuildServiceProvider();
        var dispatcher = new EventDispatcher("cache", builder.Registrations, dataSource: null, provider.GetRequiredService<IServiceScopeFactory>());
        var id = Guid.NewGuid();
        var envelope = new IntegrationEvent(Guid.NewGuid(), "thing.changed", DateTimeOffset.UtcNow, id, 1,
            JsonSerializer.SerializeToElement(new Changed(id), MessagingJson.Options));

        (await dispatcher.DispatchAsync(envelope, CancellationToken.None)).ShouldBe(DispatchOutcome.Handled);
        (await dispatcher.DispatchAsync(envelope, CancellationToken.None)).ShouldBe(DispatchOutcome.Handled);

        provider.GetRequiredService<Seen>().Ids.ShouldBe([id, id]);
    }

    public sealed record Changed(Guid ThingId);

    public sealed class Seen
    {
        public List<Guid> Ids { get; } = [];
    }

    public sealed class RecordChange(Seen seen) : IEventListener<Changed>
    {
        public Task HandleAsync(IntegrationEvent envelope, Changed data, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Ids.Add(data.ThingId);
            }

            return Task.CompletedTask;
        }
    }
}
