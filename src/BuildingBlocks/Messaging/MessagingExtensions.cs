using CareForAll.BuildingBlocks.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the outbox relay and event consumers.</summary>
public static class MessagingExtensions
{
    /// <summary>
    /// Runs the outbox relay of this service: events added with <see cref="Outbox.AddAsync"/> are published to
    /// <c>careforall.events</c> with publisher confirms. Needs <c>AddServiceDatabase</c> and the <c>rabbitmq</c>
    /// connection string; starts even while the broker is down. Settings: <c>Messaging:Relay</c>.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    public static IHostApplicationBuilder AddOutboxRelay(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<RabbitMqConnection>();
        builder.Services.AddOptions<RelayOptions>().BindConfiguration(RelayOptions.SectionName);
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }

    /// <summary>
    /// Registers <see cref="QueueMessageCounts"/> on the service's one AMQP connection (the <c>rabbitmq</c> connection
    /// string), for a service that watches queues it does not consume, such as the dead-letter queues.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    public static IHostApplicationBuilder AddQueueMessageCounts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<RabbitMqConnection>();
        builder.Services.TryAddSingleton(services => new QueueMessageCounts(services.GetRequiredService<RabbitMqConnection>()));
        return builder;
    }

    /// <summary>
    /// Consumes the durable quorum queue <paramref name="queueName"/> (with a delivery limit and the dead-letter
    /// queue <c>&lt;queueName&gt;.dlq</c>), bound to every event type given a handler in <paramref name="configure"/>.
    /// Each event is handled in a transaction that also records it in the inbox, and acknowledged after commit.
    /// Settings: <c>Messaging:Consumer</c> then <c>Messaging:Consumers:&lt;queueName&gt;</c>. Adds the health check
    /// <c>rabbitmq-queue-&lt;queueName&gt;</c>, healthy once the queue is bound (events published earlier do not reach it).
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="queueName">The queue, e.g. <c>notifications</c>; also the inbox's consumer name.</param>
    /// <param name="configure">Declares the handled event types, e.g. <c>c =&gt; c.Handle&lt;UserRegistered, SendWelcome&gt;("user.registered")</c>.</param>
    public static IHostApplicationBuilder AddEventConsumer(
        this IHostApplicationBuilder builder, string queueName, Action<EventConsumerBuilder> configure) =>
        AddQueueConsumer(builder, queueName, configure, withInbox: true);

    /// <summary>
    /// Like <see cref="AddEventConsumer"/>, for a service without a database whose reactions are idempotent by nature
    /// (<see cref="EventConsumerBuilder.Listen{TData, TListener}"/>): no inbox, no transaction. Replicas compete for
    /// the queue, so each event reaches one of them.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="queueName">The queue, e.g. <c>gateway</c>.</param>
    /// <param name="configure">Declares the event types, e.g. <c>c =&gt; c.Listen&lt;CampaignChanged, EvictCampaign&gt;("campaign.updated")</c>.</param>
    public static IHostApplicationBuilder AddEventListener(
        this IHostApplicationBuilder builder, string queueName, Action<EventConsumerBuilder> configure) =>
        AddQueueConsumer(builder, queueName, configure, withInbox: false);

    static IHostApplicationBuilder AddQueueConsumer(
        IHostApplicationBuilder builder, string queueName, Action<EventConsumerBuilder> configure, bool withInbox)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        ArgumentNullException.ThrowIfNull(configure);

        var options = new ConsumerOptions();
        builder.Configuration.GetSection("Messaging:Consumer").Bind(options);
        builder.Configuration.GetSection($"Messaging:Consumers:{queueName}").Bind(options);

        var consumer = new EventConsumerBuilder(queueName, builder.Services, options);
        configure(consumer);
        if (consumer.Registrations.Count == 0)
        {
            throw new InvalidOperationException($"Consumer '{queueName}' handles no event type.");
        }

        if (!withInbox && consumer.Registrations.Values.Any(r => r.NeedsInbox))
        {
            throw new InvalidOperationException(
                $"Queue '{queueName}' has no inbox: use Listen for idempotent reactions, or AddEventConsumer for handlers.");
        }

        MessagingTopology.EnsureMatches(queueName, consumer.Registrations.Keys);

        var registrations = consumer.Registrations.ToDictionary(StringComparer.Ordinal);
        var readiness = new ConsumerReadiness(queueName);
        builder.Services.AddHealthChecks().AddCheck($"rabbitmq-queue-{queueName}", readiness);
        builder.Services.TryAddSingleton<RabbitMqConnection>();
        builder.Services.AddSingleton<IHostedService>(services => new EventConsumerHost(
            queueName,
            options,
            new EventDispatcher(queueName, registrations, withInbox ? services.GetRequiredService<NpgsqlDataSource>() : null,
                services.GetRequiredService<IServiceScopeFactory>()),
            services.GetRequiredService<RabbitMqConnection>(),
            readiness,
            services.GetRequiredService<ILogger<EventConsumerHost>>()));
        return builder;
    }
}
