using System.Text.Json;
using Aspire.Hosting.Testing;
using CareForAll.BuildingBlocks.Messaging;
using RabbitMQ.Client;

namespace CareForAll.IntegrationTests.Messaging;

/// <summary>
/// Publishes hand-made events on the platform's exchange exactly as a relay would, to play what the network can do to
/// real ones: the same event twice, and events in the reverse of the order they happened.
/// </summary>
internal sealed class EventInjector : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EventInjector(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<EventInjector> ConnectAsync(PlatformFixture platform, CancellationToken ct)
    {
        var connectionString = await platform.App.GetConnectionStringAsync(MessagingNames.ConnectionName, ct);
        var factory = new ConnectionFactory { Uri = new Uri(connectionString!) };
        var connection = await factory.CreateConnectionAsync(ct);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        return new EventInjector(connection, channel);
    }

    /// <summary>Publishes one envelope and waits for the broker's confirm.</summary>
    public async Task PublishAsync(IntegrationEvent envelope, CancellationToken ct)
    {
        var properties = new BasicProperties
        {
            MessageId = envelope.EventId.ToString(),
            Type = envelope.EventType,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope, MessagingJson.Options);
        await _channel.BasicPublishAsync(MessagingNames.EventsExchange, envelope.EventType, mandatory: false, properties, body, ct);
    }

    /// <summary>A <c>pledge.*</c> envelope in the pledges service's shape.</summary>
    public static IntegrationEvent PledgeEvent(
        string eventType, Guid pledgeId, Guid campaignId, decimal amount, string status, string? previousStatus, long version, string donorEmail)
    {
        var data = JsonSerializer.SerializeToElement(new
        {
            pledgeId,
            campaignId,
            userId = (Guid?)null,
            donorEmail,
            donorName = "Rehana",
            isAnonymous = false,
            amount,
            currency = "BDT",
            status,
            previousStatus,
            paymentId = Guid.NewGuid(),
            tranId = $"CFA{pledgeId:N}"[..30],
            message = (string?)null,
            occurredAt = DateTimeOffset.UtcNow,
        }, MessagingJson.Options);
        return new IntegrationEvent(Guid.NewGuid(), eventType, DateTimeOffset.UtcNow, pledgeId, version, data);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
