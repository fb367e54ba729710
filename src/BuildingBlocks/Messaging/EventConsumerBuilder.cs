using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>Declares which event types a consumer queue handles, and with which handlers.</summary>
public sealed class EventConsumerBuilder
{
    readonly IServiceCollection _services;
    readonly Dictionary<string, EventHandlerRegistration> _registrations = new(StringComparer.Ordinal);

    internal EventConsumerBuilder(string queueName, IServiceCollection services, ConsumerOptions options)
    {
        QueueName = queueName;
        _services = services;
        Options = options;
    }

    /// <summary>The queue being configured.</summary>
    public string QueueName { get; }

    /// <summary>Prefetch, concurrency and delivery limit of this queue (already bound from configuration).</summary>
    public ConsumerOptions Options { get; }

    internal IReadOnlyDictionary<string, EventHandlerRegistration> Registrations => _registrations;

    /// <summary>
    /// Binds the queue to <paramref name="eventType"/> and sends those events to <typeparamref name="THandler"/>
    /// (registered as scoped; one instance per message).
    /// </summary>
    /// <typeparam name="TData">The payload type.</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="eventType">The event type, which is also the routing key (e.g. <c>user.registered</c>).</param>
    public EventConsumerBuilder Handle<TData, THandler>(string eventType)
        where THandler : class, IEventHandler<TData>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        if (_registrations.ContainsKey(eventType))
        {
            throw new InvalidOperationException($"Queue '{QueueName}' already has a handler for '{eventType}'.");
        }

        _services.TryAddScoped<THandler>();
        _registrations[eventType] = new EventHandlerRegistration(eventType, NeedsInbox: true, static async (services, envelope, connection, transaction, ct) =>
        {
            var handler = services.GetRequiredService<THandler>();
            await handler.HandleAsync(new EventContext<TData>(envelope, Read<TData>(envelope), connection!, transaction!), ct);
        });
        return this;
    }

    /// <summary>
    /// Binds the queue to <paramref name="eventType"/> and sends those events to <typeparamref name="TListener"/>, whose
    /// effect must be idempotent by nature (e.g. evicting a cache entry): no inbox and no database are involved.
    /// </summary>
    /// <typeparam name="TData">The payload type.</typeparam>
    /// <typeparam name="TListener">The listener (registered as scoped).</typeparam>
    /// <param name="eventType">The event type, which is also the routing key.</param>
    public EventConsumerBuilder Listen<TData, TListener>(string eventType)
        where TListener : class, IEventListener<TData>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        if (_registrations.ContainsKey(eventType))
        {
            throw new InvalidOperationException($"Queue '{QueueName}' already has a handler for '{eventType}'.");
        }

        _services.TryAddScoped<TListener>();
        _registrations[eventType] = new EventHandlerRegistration(eventType, NeedsInbox: false, static async (services, envelope, _, _, ct) =>
        {
            var listener = services.GetRequiredService<TListener>();
            await listener.HandleAsync(envelope, Read<TData>(envelope), ct);
        });
        return this;
    }

    static TData Read<TData>(IntegrationEvent envelope) =>
        envelope.Data.Deserialize<TData>(MessagingJson.Options)
            ?? throw new JsonException($"Event {envelope.EventId} ({envelope.EventType}) has no data.");
}
