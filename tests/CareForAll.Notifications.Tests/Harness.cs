using System.Diagnostics.Metrics;
using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Notifications.Features.Campaigns;
using CareForAll.Notifications.Features.Organisers;
using CareForAll.Notifications.Mail;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareForAll.Notifications.Tests;

/// <summary>
/// A fresh, migrated notifications database and the service's parts wired as the host wires them, with a fixed
/// clock; delivers events to handlers the way the consumer host does (in a transaction it commits).
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    /// <summary>Counts sessions of this test's database waiting for an advisory lock another transaction holds.</summary>
    public const string WaitingForAdvisoryLock = """
        SELECT count(*) FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    public const string GuestTokenKey = "notifications-tests-guest-token-key-0123456789";
    public static readonly Uri PublicBaseUrl = new("https://careforall.test/");

    private static readonly ServiceProvider MeterServices = new ServiceCollection().AddMetrics().BuildServiceProvider();

    /// <summary>Compiled once per run: compiling every template costs more than a test.</summary>
    public static MailTemplates Templates { get; } = new();

    public static NotificationsMetrics Metrics { get; } = new(MeterServices.GetRequiredService<IMeterFactory>());

    private Harness(NpgsqlDataSource database, FixedClock clock)
    {
        Database = database;
        Clock = clock;
        Tokens = new GuestAccessTokens(GuestTokenKey, clock);
        Queue = new MailQueue(Templates, Metrics, clock);
        Organisers = new OrganiserMails(Queue, clock, NullLogger<OrganiserMails>.Instance);
        GoalMails = new DonorGoalMails(Queue);
    }

    public NpgsqlDataSource Database { get; }

    public FixedClock Clock { get; }

    public NotificationsOptions Settings { get; } = new() { PublicBaseUrl = PublicBaseUrl };

    public IOptions<NotificationsOptions> Options => Microsoft.Extensions.Options.Options.Create(Settings);

    public SenderOptions SenderSettings { get; } = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(100),
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        SmtpTimeout = TimeSpan.FromSeconds(5),
    };

    public GuestAccessTokens Tokens { get; }

    public MailQueue Queue { get; }

    public OrganiserMails Organisers { get; }

    public DonorGoalMails GoalMails { get; }

    public static async Task<Harness> CreateAsync(PostgresServer server, FixedClock? clock = null) =>
        new(await MigratedDatabases.CreateAsync(server, typeof(MailQueue).Assembly), clock ?? FixedClock.At("2026-11-25T10:00:00Z"));

    /// <summary>Delivers an event (a fresh id unless given) with <paramref name="payload"/> as its camelCase data.</summary>
    public async Task<Guid> DeliverAsync<TData>(
        CareForAll.BuildingBlocks.Messaging.IEventHandler<TData> handler, string eventType, Guid aggregateId, long version, object payload,
        Guid? eventId = null)
    {
        var data = JsonSerializer.SerializeToElement(payload, MessagingJson.Options);
        var envelope = new IntegrationEvent(eventId ?? Guid.CreateVersion7(), eventType, Clock.Now, aggregateId, version, data);
        await using var connection = await Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await handler.HandleAsync(
            new EventContext<TData>(envelope, data.Deserialize<TData>(MessagingJson.Options)!, connection, transaction), CancellationToken.None);
        await transaction.CommitAsync();
        return envelope.EventId;
    }

    /// <summary>Runs <paramref name="handler"/> on an event in a transaction left open for the test to commit.</summary>
    public async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> HandleUncommittedAsync<TData>(
        CareForAll.BuildingBlocks.Messaging.IEventHandler<TData> handler, string eventType, Guid aggregateId, long version, object payload)
    {
        var data = JsonSerializer.SerializeToElement(payload, MessagingJson.Options);
        var envelope = new IntegrationEvent(Guid.CreateVersion7(), eventType, Clock.Now, aggregateId, version, data);
        var connection = await Database.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await handler.HandleAsync(
            new EventContext<TData>(envelope, data.Deserialize<TData>(MessagingJson.Options)!, connection, transaction), CancellationToken.None);
        return (connection, transaction);
    }

    /// <summary>Every stored mail, oldest first (only <paramref name="template"/>'s when given).</summary>
    public async Task<IReadOnlyList<StoredMail>> MailsAsync(string? template = null)
    {
        await using var connection = await Database.OpenConnectionAsync();
        return [.. await Dapper.SqlMapper.QueryAsync<StoredMail>(connection, """
            SELECT id AS Id, dedupe_key AS DedupeKey, user_id AS UserId, recipient_email AS RecipientEmail, template AS Template,
                   languages AS Languages, subject AS Subject, body_text AS BodyText, body_html AS BodyHtml, sensitive AS Sensitive,
                   status AS Status, attempts AS Attempts, last_error AS LastError, next_attempt_at AS NextAttemptAt, event_type AS EventType, sent_at AS SentAt
            FROM notifications.notifications
            WHERE @Template::text IS NULL OR template = @Template
            ORDER BY created_at, id
            """, new { Template = template })];
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenConnectionAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql, parameters) ?? throw new InvalidOperationException("No value.");
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenConnectionAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, sql, parameters);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

internal sealed class StoredMail
{
    public Guid Id { get; init; }

    public string DedupeKey { get; init; } = "";

    public Guid? UserId { get; init; }

    public string RecipientEmail { get; init; } = "";

    public string Template { get; init; } = "";

    public string Languages { get; init; } = "";

    public string Subject { get; init; } = "";

    public string BodyText { get; init; } = "";

    public string BodyHtml { get; init; } = "";

    public bool Sensitive { get; init; }

    public string Status { get; init; } = "";

    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public string? EventType { get; init; }

    public DateTime? SentAt { get; init; }
}
