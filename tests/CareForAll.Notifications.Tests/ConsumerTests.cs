using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Notifications.Features;
using Microsoft.Extensions.Hosting;

namespace CareForAll.Notifications.Tests;

public sealed class ConsumerTests
{
    [Fact]
    public void the_consumer_handles_exactly_the_types_bound_to_the_notifications_queue()
    {
        var builder = Host.CreateApplicationBuilder();

        // Throws when the handled types differ from MessagingTopology's binding, as it would at the service's start.
        builder.AddEventConsumer(NotificationsConsumer.QueueName, NotificationsConsumer.Configure);

        MessagingTopology.Queues[NotificationsConsumer.QueueName].Count.ShouldBe(13);
    }
}
