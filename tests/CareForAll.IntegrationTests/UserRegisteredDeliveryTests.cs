using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Aspire.Hosting.Testing;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.IntegrationTests.Messaging;
using Dapper;
using Npgsql;
using RabbitMQ.Client;

namespace CareForAll.IntegrationTests;

[Collection(SharedPlatform.Name)]
public sealed class UserRegisteredDeliveryTests(PlatformFixture platform) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly HttpClient _client = platform.CreateGatewayClient(IPAddress.Parse("127.0.30.1"));
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;
    private RegistrationLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await RegistrationLedger.StartAsync(platform.App, _ct);

    [Fact]
    public async Task user_registered_is_handled_exactly_once()
    {
        var user = await Api.RegisterAsync(_client, Api.NewEmail("welcome"), cancellationToken: _ct);

        await RegistrationLedger.WaitUntilAsync(async () => await _ledger.TimesHandledAsync(user.UserId, _ct) > 0, Deadline, "the consumer handled user.registered");
        (await _ledger.TimesHandledAsync(user.UserId, _ct)).ShouldBe(1);
    }

    [Fact]
    public async Task the_consumer_continues_the_trace_of_the_registration_request()
    {
        // The caller starts the trace; the gateway, identity, its outbox and relay, and the consumer all carry it.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = Api.NewEmail("traced"), password = "correct-horse-battery" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await _client.SendAsync(request, _ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);

        await RegistrationLedger.WaitUntilAsync(() => Task.FromResult(_ledger.ConsumedWithin(traceId)), Deadline,
            "the consumer handled user.registered within the registration's trace");
    }

    [Fact]
    public async Task a_redelivered_user_registered_event_is_skipped_by_the_inbox()
    {
        var user = await Api.RegisterAsync(_client, Api.NewEmail("redelivered"), cancellationToken: _ct);
        await RegistrationLedger.WaitUntilAsync(async () => await _ledger.TimesHandledAsync(user.UserId, _ct) > 0, Deadline, "the consumer handled user.registered");

        // The broker delivers the very same event twice more, as it may after a lost acknowledgement.
        var skippedBefore = _ledger.DuplicatesSkipped;
        var published = await ReadPublishedEventAsync(user.UserId);
        await RepublishAsync(published, times: 2);

        await RegistrationLedger.WaitUntilAsync(() => Task.FromResult(_ledger.DuplicatesSkipped >= skippedBefore + 2), Deadline, "the inbox skipped both redeliveries");
        (await _ledger.TimesHandledAsync(user.UserId, _ct)).ShouldBe(1);
    }

    [Fact]
    public async Task a_registration_made_while_rabbitmq_is_down_is_delivered_once_it_is_back()
    {
        await platform.StopResourceAsync("rabbitmq", _ct);
        Api.Session user;
        try
        {
            // Registration does not need the broker: the event waits in identity's outbox.
            user = await Api.RegisterAsync(_client, Api.NewEmail("offline"), cancellationToken: _ct);
            (await OutboxRowSentAsync(user.UserId)).ShouldBeFalse();
        }
        finally
        {
            await platform.StartResourceAsync("rabbitmq", _ct);
        }

        await RegistrationLedger.WaitUntilAsync(async () => await _ledger.TimesHandledAsync(user.UserId, _ct) > 0, TimeSpan.FromMinutes(2), "the event reached the consumer after the broker came back");
        (await OutboxRowSentAsync(user.UserId)).ShouldBeTrue();
        (await _ledger.TimesHandledAsync(user.UserId, _ct)).ShouldBe(1);
    }

    private async Task<NpgsqlConnection> OpenIdentityDatabaseAsync()
    {
        var connectionString = await platform.App.GetConnectionStringAsync("identitydb", _ct);
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(_ct);
        return connection;
    }

    private async Task<bool> OutboxRowSentAsync(Guid userId)
    {
        await using var connection = await OpenIdentityDatabaseAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT sent_at IS NOT NULL FROM outbox_messages WHERE aggregate_id = @userId AND event_type = 'user.registered'",
            new { userId });
    }

    private async Task<IntegrationEvent> ReadPublishedEventAsync(Guid userId)
    {
        await using var connection = await OpenIdentityDatabaseAsync();
        var row = await connection.QuerySingleAsync<(Guid EventId, string EventType, DateTime OccurredAt, Guid AggregateId, long AggregateVersion, string Data)>(
            """
            SELECT event_id, event_type, occurred_at, aggregate_id, aggregate_version, data::text
            FROM outbox_messages WHERE aggregate_id = @userId AND event_type = 'user.registered'
            """,
            new { userId });
        using var data = JsonDocument.Parse(row.Data);
        return new IntegrationEvent(row.EventId, row.EventType, new DateTimeOffset(row.OccurredAt, TimeSpan.Zero), row.AggregateId, row.AggregateVersion, data.RootElement.Clone());
    }

    private async Task RepublishAsync(IntegrationEvent @event, int times)
    {
        var uri = await platform.App.GetConnectionStringAsync("rabbitmq", _ct);
        var factory = new ConnectionFactory { Uri = new Uri(uri!) };
        await using var connection = await factory.CreateConnectionAsync(_ct);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), _ct);

        var body = JsonSerializer.SerializeToUtf8Bytes(@event, MessagingJson.Options);
        var properties = new BasicProperties
        {
            MessageId = @event.EventId.ToString(),
            Type = @event.EventType,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        for (var i = 0; i < times; i++)
        {
            await channel.BasicPublishAsync(MessagingNames.EventsExchange, @event.EventType, mandatory: true, properties, body, _ct);
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _ledger.DisposeAsync();
    }
}
