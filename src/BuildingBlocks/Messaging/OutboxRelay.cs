using System.Diagnostics;
using CareForAll.BuildingBlocks.Database;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RabbitMQ.Client;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// Publishes the outbox: woken in process by every outbox write (<see cref="Database.PostgresWakeup"/>; polling as a fallback), claims a batch under a lease, publishes
/// it with many confirms in flight, marks confirmed rows sent and gives the rest back. Backs off while the broker
/// is away; nothing is lost, rows simply wait.
/// </summary>
internal sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    RabbitMqConnection rabbit,
    IOptions<RelayOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    static readonly TimeSpan BacklogRefreshInterval = TimeSpan.FromSeconds(5);
    static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(10);

    readonly OutboxStore _store = new(dataSource);
    readonly RelayOptions _options = options.Value;
    readonly PostgresWakeup _wakeup = new(dataSource, MessagingNames.OutboxNotifyChannel, ex => LogListenFailed(logger, ex));
    long _nextBacklogRefresh;
    long _nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = _wakeup.ListenAsync(stoppingToken);
        IChannel? channel = null;
        var backoff = TimeSpan.Zero;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    channel ??= await OpenChannelAsync(stoppingToken);
                    var published = await PublishBatchAsync(channel, stoppingToken);
                    backoff = TimeSpan.Zero;
                    await HousekeepAsync(stoppingToken);
                    if (published < _options.BatchSize)
                    {
                        await _wakeup.WaitAsync(_options.PollInterval, stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    backoff = NextBackoff(backoff);
                    LogRoundFailed(logger, backoff, ex);
                    if (channel is { IsClosed: true })
                    {
                        // A fresh channel once the connection is back is more dependable than waiting for a
                        // confirm-tracking channel to be recovered (and a channel-level error never is).
                        await DisposeChannelAsync(channel);
                        channel = null;
                    }

                    await WaitBeforeRetryAsync(backoff, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping while backing off.
        }
        finally
        {
            if (channel is not null)
            {
                await DisposeChannelAsync(channel);
            }

            await listener;
        }
    }

    async Task<IChannel> OpenChannelAsync(CancellationToken cancellationToken)
    {
        var connection = await rabbit.GetAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(
                publisherConfirmationsEnabled: true,
                publisherConfirmationTrackingEnabled: true,
                outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(_options.MaxInFlight)),
            cancellationToken);
        await channel.ExchangeDeclareAsync(MessagingNames.EventsExchange, ExchangeType.Topic, durable: true, autoDelete: false,
            cancellationToken: cancellationToken);
        await DeclareConsumerQueuesAsync(connection, cancellationToken);
        return channel;
    }

    /// <summary>
    /// Declares every queue of <see cref="MessagingTopology"/> before publishing, so no event is dropped for want of a
    /// binding while its consumer has not started yet.
    /// </summary>
    async Task DeclareConsumerQueuesAsync(IConnection connection, CancellationToken cancellationToken)
    {
        var deliveryLimit = new ConsumerOptions().DeliveryLimit;
        foreach (var (queueName, eventTypes) in MessagingTopology.Queues)
        {
            var argumentsDiffer = await QueueDeclaration.DeclareAsync(connection, queueName, deliveryLimit, eventTypes, cancellationToken);
            if (argumentsDiffer is not null)
            {
                LogQueueArgumentsDiffer(logger, queueName, argumentsDiffer);
            }
        }
    }

    /// <summary>One round: claim, publish all with confirms in flight, settle. Returns how many rows were claimed.</summary>
    async Task<int> PublishBatchAsync(IChannel channel, CancellationToken cancellationToken)
    {
        var messages = await _store.ClaimAsync(_options.BatchSize, _options.Lease, cancellationToken);
        if (messages.Count == 0)
        {
            return 0;
        }

        var confirms = new Task[messages.Count];
        var activities = new Activity?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            (confirms[i], activities[i]) = Publish(channel, messages[i], cancellationToken);
        }

        var sent = new List<long>(messages.Count);
        var failed = new List<long>();
        Exception? firstError = null;
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await confirms[i];
                sent.Add(messages[i].Id);
                MessagingTelemetry.Published.Add(1, new KeyValuePair<string, object?>("messaging.event_type", messages[i].EventType));
            }
            catch (Exception ex)
            {
                failed.Add(messages[i].Id);
                firstError ??= ex;
                activities[i]?.SetStatus(ActivityStatusCode.Error, ex.Message);
            }
            finally
            {
                activities[i]?.Dispose();
            }
        }

        // Settled even when stopping: a confirmed row left unmarked would be published again after its lease.
        await _store.MarkSentAsync(sent, CancellationToken.None);
        if (firstError is not null)
        {
            await _store.ReleaseAsync(failed, firstError.Message, CancellationToken.None);
            throw new OutboxPublishException(failed.Count, messages.Count, firstError);
        }

        return messages.Count;
    }

    static (Task Confirm, Activity? Activity) Publish(IChannel channel, OutboxMessage message, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.Traceparent, message.Tracestate, out var parent);
        var previous = Activity.Current;
        var activity = MessagingTelemetry.ActivitySource.StartActivity($"{message.EventType} publish", ActivityKind.Producer, parent);
        try
        {
            activity?.SetTag("messaging.system", "rabbitmq");
            activity?.SetTag("messaging.operation.type", "send");
            activity?.SetTag("messaging.destination.name", MessagingNames.EventsExchange);
            activity?.SetTag("messaging.rabbitmq.destination.routing_key", message.EventType);
            activity?.SetTag("messaging.message.id", message.EventId.ToString());

            var headers = new Dictionary<string, object?>(2);
            var traceparent = activity?.Id ?? message.Traceparent;
            if (traceparent is not null)
            {
                headers["traceparent"] = traceparent;
            }

            var tracestate = activity?.TraceStateString ?? message.Tracestate;
            if (!string.IsNullOrEmpty(tracestate))
            {
                headers["tracestate"] = tracestate;
            }

            var properties = new BasicProperties
            {
                MessageId = message.EventId.ToString(),
                Type = message.EventType,
                ContentType = "application/json",
                DeliveryMode = DeliveryModes.Persistent,
                Timestamp = new AmqpTimestamp(message.OccurredAt.ToUnixTimeSeconds()),
                Headers = headers,
            };

            // With confirmation tracking the returned task completes when the broker confirms (or faults on a
            // nack); starting them all before awaiting any keeps hundreds in flight.
            var confirm = channel.BasicPublishAsync(MessagingNames.EventsExchange, message.EventType, mandatory: false,
                properties, message.ToEnvelopeJson(), cancellationToken).AsTask();
            return (confirm, activity);
        }
        catch (Exception ex)
        {
            return (Task.FromException(ex), activity);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (now >= _nextBacklogRefresh)
        {
            _nextBacklogRefresh = now + (long)BacklogRefreshInterval.TotalMilliseconds;
            var (pending, oldestAge) = await _store.GetBacklogAsync(cancellationToken);
            MessagingTelemetry.RecordOutboxBacklog(pending, oldestAge);
        }

        if (now >= _nextCleanup)
        {
            _nextCleanup = now + (long)CleanupInterval.TotalMilliseconds;
            await _store.DeleteSentAsync(_options.SentRetention, cancellationToken);
        }
    }

    /// <summary>
    /// Waits out the backoff, but resumes as soon as a connection that was down is recovered, so the backlog
    /// starts draining the moment the broker is back rather than at the end of a long backoff.
    /// </summary>
    async Task WaitBeforeRetryAsync(TimeSpan backoff, CancellationToken stoppingToken)
    {
        var deadline = Environment.TickCount64 + (long)backoff.TotalMilliseconds;
        var wasOpen = rabbit.IsConnectionOpen;
        while (Environment.TickCount64 < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(250, backoff.TotalMilliseconds)), stoppingToken);
            var isOpen = rabbit.IsConnectionOpen;
            if (!wasOpen && isOpen)
            {
                return;
            }

            wasOpen = isOpen;
        }
    }

    TimeSpan NextBackoff(TimeSpan current)
    {
        var next = current == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : current * 2;
        return next > _options.MaxBackoff ? _options.MaxBackoff : next;
    }

    async Task DisposeChannelAsync(IChannel channel)
    {
        try
        {
            await channel.DisposeAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogChannelDisposeFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay round failed; retrying in {Backoff}.")]
    static partial void LogRoundFailed(ILogger logger, TimeSpan backoff, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox LISTEN connection failed; reconnecting.")]
    static partial void LogListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Disposing the relay channel failed: {Reason}")]
    static partial void LogChannelDisposeFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Queue {Queue} exists with other arguments; left unchanged: {Reason}")]
    static partial void LogQueueArgumentsDiffer(ILogger logger, string queue, string reason);
}
