using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// Consumes one quorum queue: declares it (delivery limit, dead-letter queue, bindings), applies the prefetch,
/// dispatches each delivery through the inbox and acknowledges only after the transaction committed. Waits for
/// the broker at startup; after a broker restart RabbitMQ.Client's recovery restores the consumer.
/// </summary>
internal sealed partial class EventConsumerHost(
    string queueName,
    ConsumerOptions options,
    EventDispatcher dispatcher,
    RabbitMqConnection rabbit,
    ConsumerReadiness readiness,
    ILogger<EventConsumerHost> logger) : BackgroundService
{
    static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);
    static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    readonly CancellationTokenSource _abortHandlers = new();
    int _inFlight;
    long _nextInboxPrune;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            IChannel? channel = null;
            try
            {
                var connection = await rabbit.GetAsync(stoppingToken);
                await DeclareTopologyAsync(connection, stoppingToken);
                readiness.MarkDeclared();
                channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(false, false, consumerDispatchConcurrency: options.Concurrency), stoppingToken);
                await channel.BasicQosAsync(0, options.Prefetch, false, stoppingToken);

                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(channel, delivery);
                var consumerTag = await channel.BasicConsumeAsync(queueName, autoAck: false, consumer, stoppingToken);
                LogConsuming(logger, queueName, options.Prefetch, options.Concurrency);
                backoff = TimeSpan.FromMilliseconds(500);

                await WatchChannelAsync(connection, channel, stoppingToken);
                if (stoppingToken.IsCancellationRequested)
                {
                    await StopConsumingAsync(channel, consumerTag);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                if (channel is not null)
                {
                    await DrainAsync();
                }
            }
            catch (Exception ex)
            {
                LogSetupFailed(logger, queueName, backoff, ex);
                await DelayQuietlyAsync(backoff, stoppingToken);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 15_000));
            }
            finally
            {
                if (channel is not null)
                {
                    await CloseQuietlyAsync(channel);
                }
            }
        }
    }

    async Task DeclareTopologyAsync(IConnection connection, CancellationToken cancellationToken)
    {
        var argumentsDiffer = await QueueDeclaration.DeclareAsync(connection, queueName, options.DeliveryLimit, dispatcher.EventTypes, cancellationToken);
        if (argumentsDiffer is not null)
        {
            LogQueueArgumentsDiffer(logger, queueName, argumentsDiffer);
        }
    }

    /// <summary>
    /// Returns when stopping, or when the channel was closed by a channel-level error while the connection is
    /// fine (connection recovery does not bring such a channel back, so the caller starts a new one).
    /// </summary>
    async Task WatchChannelAsync(IConnection connection, IChannel channel, CancellationToken stoppingToken)
    {
        var closedChecks = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await DelayQuietlyAsync(TimeSpan.FromSeconds(5), stoppingToken);
            await PruneInboxIfDueAsync(stoppingToken);
            closedChecks = channel.IsClosed && connection.IsOpen ? closedChecks + 1 : 0;
            if (closedChecks >= 2)
            {
                return;
            }
        }
    }

    async Task PruneInboxIfDueAsync(CancellationToken stoppingToken)
    {
        var now = Environment.TickCount64;
        if (now < _nextInboxPrune || stoppingToken.IsCancellationRequested)
        {
            return;
        }

        _nextInboxPrune = now + (long)TimeSpan.FromHours(1).TotalMilliseconds;
        try
        {
            await dispatcher.PruneInboxAsync(options.InboxRetention, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPruneFailed(logger, queueName, ex.Message);
        }
    }

    async Task OnDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await ProcessAsync(channel, delivery);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    async Task ProcessAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        IntegrationEvent? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<IntegrationEvent>(delivery.Body.Span, MessagingJson.Options);
        }
        catch (JsonException ex)
        {
            LogPoison(logger, queueName, delivery.RoutingKey, ex.Message);
            envelope = null;
        }

        if (envelope is null || string.IsNullOrEmpty(envelope.EventType) || !dispatcher.Handles(envelope.EventType))
        {
            // Unreadable or unexpected: retrying cannot help, so it goes straight to the dead-letter queue.
            MessagingTelemetry.DeadLettered.Add(1, EventTypeTag(envelope?.EventType ?? delivery.RoutingKey));
            await SettleAsync(channel, delivery.DeliveryTag, ack: false, requeue: false);
            return;
        }

        var eventTypeTag = EventTypeTag(envelope.EventType);
        using var activity = StartConsumeActivity(delivery, envelope);
        try
        {
            var outcome = await dispatcher.DispatchAsync(envelope, _abortHandlers.Token);
            activity?.SetTag("careforall.messaging.duplicate", outcome == DispatchOutcome.Duplicate);
            if (outcome == DispatchOutcome.Duplicate)
            {
                MessagingTelemetry.DuplicatesSkipped.Add(1, eventTypeTag);
                LogDuplicate(logger, queueName, envelope.EventId, envelope.EventType);
            }
            else
            {
                MessagingTelemetry.Consumed.Add(1, eventTypeTag);
            }

            await SettleAsync(channel, delivery.DeliveryTag, ack: true, requeue: false);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            var deliveryCount = DeliveryCount(delivery);
            MessagingTelemetry.Failed.Add(1, eventTypeTag);
            if (deliveryCount >= options.DeliveryLimit)
            {
                // The broker dead-letters it once this attempt is returned.
                MessagingTelemetry.DeadLettered.Add(1, eventTypeTag);
            }

            LogHandlerFailed(logger, queueName, envelope.EventId, envelope.EventType, deliveryCount, ex);
            var pause = options.RetryDelay * (deliveryCount + 1);
            await DelayQuietlyAsync(pause > MaxRetryDelay ? MaxRetryDelay : pause, _abortHandlers.Token);
            await SettleAsync(channel, delivery.DeliveryTag, ack: false, requeue: true);
        }
    }

    static Activity? StartConsumeActivity(BasicDeliverEventArgs delivery, IntegrationEvent envelope)
    {
        var headers = delivery.BasicProperties.Headers;
        ActivityContext.TryParse(HeaderString(headers, "traceparent"), HeaderString(headers, "tracestate"), out var parent);
        var activity = MessagingTelemetry.ActivitySource.StartActivity($"{envelope.EventType} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.destination.name", MessagingNames.EventsExchange);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", delivery.RoutingKey);
        activity?.SetTag("messaging.message.id", envelope.EventId.ToString());
        return activity;
    }

    static string? HeaderString(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string text => text,
                _ => null,
            }
            : null;

    /// <summary>Previous failed deliveries, from the quorum queue's <c>x-delivery-count</c> header.</summary>
    static int DeliveryCount(BasicDeliverEventArgs delivery)
    {
        var headers = delivery.BasicProperties.Headers;
        if (headers is not null && headers.TryGetValue("x-delivery-count", out var value))
        {
            return value switch
            {
                long count => (int)count,
                int count => count,
                short count => count,
                byte count => count,
                _ => delivery.Redelivered ? 1 : 0,
            };
        }

        return delivery.Redelivered ? 1 : 0;
    }

    static KeyValuePair<string, object?> EventTypeTag(string eventType) => new("messaging.event_type", eventType);

    async Task SettleAsync(IChannel channel, ulong deliveryTag, bool ack, bool requeue)
    {
        try
        {
            if (ack)
            {
                await channel.BasicAckAsync(deliveryTag, multiple: false);
            }
            else
            {
                await channel.BasicNackAsync(deliveryTag, multiple: false, requeue: requeue);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The channel went away: the broker redelivers the message and the inbox absorbs the repeat.
            LogSettleFailed(logger, queueName, ex.Message);
        }
    }

    async Task StopConsumingAsync(IChannel channel, string consumerTag)
    {
        try
        {
            await channel.BasicCancelAsync(consumerTag);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSettleFailed(logger, queueName, ex.Message);
        }

        await DrainAsync();
    }

    /// <summary>Lets handlers already running finish (their acks need the channel), within a bound.</summary>
    async Task DrainAsync()
    {
        var deadline = Environment.TickCount64 + (long)DrainTimeout.TotalMilliseconds;
        while (Volatile.Read(ref _inFlight) > 0 && Environment.TickCount64 < deadline)
        {
            await Task.Delay(25);
        }

        await _abortHandlers.CancelAsync();
    }

    static Task CloseQuietlyAsync(IChannel channel) => QueueDeclaration.CloseQuietlyAsync(channel);

    static async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public override void Dispose()
    {
        _abortHandlers.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: deleting old inbox rows failed: {Reason}")]
    static partial void LogPruneFailed(ILogger logger, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Queue} (prefetch {Prefetch}, concurrency {Concurrency}).")]
    static partial void LogConsuming(ILogger logger, string queue, ushort prefetch, ushort concurrency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} exists with other arguments than configured; consuming it unchanged: {Reason}")]
    static partial void LogQueueArgumentsDiffer(ILogger logger, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Queue} could not start; retrying in {Backoff}.")]
    static partial void LogSetupFailed(ILogger logger, string queue, TimeSpan backoff, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unreadable message on {Queue} (routing key {RoutingKey}) sent to the dead-letter queue: {Reason}")]
    static partial void LogPoison(ILogger logger, string queue, string routingKey, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Queue} skipped duplicate event {EventId} ({EventType}).")]
    static partial void LogDuplicate(ILogger logger, string queue, Guid eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue} failed to handle event {EventId} ({EventType}), previous failures {DeliveryCount}; returning it.")]
    static partial void LogHandlerFailed(ILogger logger, string queue, Guid eventId, string eventType, int deliveryCount, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Queue}: acknowledging or cancelling failed: {Reason}")]
    static partial void LogSettleFailed(ILogger logger, string queue, string reason);
}
