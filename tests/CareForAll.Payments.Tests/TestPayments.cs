using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using CareForAll.Payments.Configuration;
using CareForAll.Payments.Data;
using CareForAll.Payments.Notifications;
using CareForAll.Payments.Reconciliation;
using CareForAll.Payments.Refunds;
using CareForAll.Payments.SslCommerz;
using CareForAll.Payments.Telemetry;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareForAll.Payments.Tests;

/// <summary>
/// The payments service's moving parts over a fresh migrated database and a fake gateway, with a clock and meters
/// of their own.
/// </summary>
internal sealed class TestPayments : IAsyncDisposable
{
    public const string StoreId = "teststore";
    public const string StorePassword = "teststore@ssl";

    private readonly ServiceProvider _services;

    private TestPayments(NpgsqlDataSource database)
    {
        Database = database;
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        Meters = new MetricsRecorder(meterFactory);
        Metrics = new PaymentsMetrics(meterFactory);
        Client = new SslCommerzClient(
            new HttpClient(Gateway) { BaseAddress = new Uri("http://sslcommerz.test/") },
            Options.Create(new SslCommerzOptions { BaseUrl = "http://sslcommerz.test", StoreId = StoreId, StorePassword = StorePassword }),
            Options.Create(new PaymentsOptions { PublicBaseUrl = "http://gateway.test" }));
    }

    public static DateTimeOffset Start { get; } = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public NpgsqlDataSource Database { get; }

    public FakeSslCommerz Gateway { get; } = new();

    public FixedClock Clock { get; } = new(Start);

    public MetricsRecorder Meters { get; }

    public PaymentsMetrics Metrics { get; }

    public SslCommerzClient Client { get; }

    public ReconciliationOptions ReconciliationSettings { get; } = new()
    {
        Interval = TimeSpan.FromSeconds(1),
        MinimumAge = TimeSpan.FromMinutes(2),
        SessionExpiry = TimeSpan.FromMinutes(30),
    };

    public static async Task<TestPayments> CreateAsync(PostgresServer server)
    {
        return new TestPayments(await MigratedDatabases.CreateAsync(server, typeof(NotificationProcessor).Assembly));
    }

    public NotificationProcessor Processor() => new(
        Database, Client, Options.Create(new SslCommerzOptions { StorePassword = StorePassword }), Metrics, Clock,
        NullLogger<NotificationProcessor>.Instance);

    public ReconciliationRun Reconciliation() => new(
        Database, Client, Metrics, Clock, Options.Create(ReconciliationSettings), NullLogger<ReconciliationRun>.Instance);

    public RefundRequests Refunds() => new(Database, Client, Clock, NullLogger<RefundRequests>.Instance);

    public RefundPolling RefundPolling() => new(
        Database, Client, Metrics, Clock, Options.Create(new RefundTrackingOptions { RecheckAfter = TimeSpan.Zero }),
        NullLogger<RefundPolling>.Instance);

    /// <summary>A payment as initiation leaves it (pending with a session), or in a later state for refund tests.</summary>
    public async Task<PaymentRecord> SeedPaymentAsync(
        decimal amount = 500m, string status = "pending", TimeSpan? age = null, string? bankTranId = null, int? riskLevel = null)
    {
        var id = Guid.CreateVersion7();
        var createdAt = Clock.Now - (age ?? TimeSpan.Zero);
        var tranId = "CFA" + id.ToString("N")[..20].ToUpperInvariant();
        await using var connection = await Database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO payments.payments
                (id, pledge_id, campaign_id, user_id, donor_email, tran_id, transaction_id, amount, currency, status,
                 session_key, gateway_url, bank_tran_id, risk_level, version, created_at, updated_at)
            VALUES (@Id, @PledgeId, @CampaignId, @UserId, 'donor@example.org', @TranId, @TranId, @Amount, 'BDT', @Status,
                    'SESSION', 'https://gateway.test/pay', @BankTranId, @RiskLevel, 1, @CreatedAt, @CreatedAt)
            """,
            new
            {
                Id = id,
                PledgeId = Guid.NewGuid(),
                CampaignId = Guid.NewGuid(),
                UserId = Guid.NewGuid(),
                TranId = tranId,
                Amount = amount,
                Status = status,
                BankTranId = bankTranId,
                RiskLevel = riskLevel,
                CreatedAt = createdAt.UtcDateTime,
            });
        return (await PaymentData.FindByIdAsync(Database, id, CancellationToken.None))!;
    }

    public async Task<PaymentRecord> PaymentAsync(Guid id) => (await PaymentData.FindByIdAsync(Database, id, CancellationToken.None))!;

    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenConnectionAsync();
        return Convert.ToInt64(await connection.ExecuteScalarAsync(sql, parameters), CultureInfo.InvariantCulture);
    }

    public async Task<long> EventsAsync(Guid paymentId, string eventType) =>
        await CountAsync("SELECT count(*) FROM outbox_messages WHERE aggregate_id = @Id AND event_type = @Type", new { Id = paymentId, Type = eventType });

    /// <summary>Every outbox event of <paramref name="eventType"/>, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxEvent>> OutboxAsync(string eventType)
    {
        await using var connection = await Database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(Guid AggregateId, long AggregateVersion, string Data)>(
            "SELECT aggregate_id, aggregate_version, data::text FROM outbox_messages WHERE event_type = @Type ORDER BY id",
            new { Type = eventType });
        return [.. rows.Select(r => new OutboxEvent(r.AggregateId, r.AggregateVersion, JsonDocument.Parse(r.Data).RootElement.Clone()))];
    }

    public async Task<IReadOnlyList<(string? From, string To, bool Accepted, string? Reason, string Source)>> HistoryAsync(Guid paymentId)
    {
        await using var connection = await Database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string? From, string To, bool Accepted, string? Reason, string Source)>(
            """
            SELECT from_status, to_status, accepted, reason, source FROM payments.payment_state_history
            WHERE payment_id = @Id ORDER BY seq
            """,
            new { Id = paymentId });
        return rows.AsList();
    }

    public async ValueTask DisposeAsync()
    {
        Meters.Dispose();
        Gateway.Dispose();
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>An outbox row as consumers will see it: the aggregate, its version and the data.</summary>
internal sealed record OutboxEvent(Guid AggregateId, long AggregateVersion, JsonElement Data)
{
    public string? Text(string property) =>
        Data.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}
