using System.Text.Json;
using CareForAll.Pledges.Domain;
using Dapper;
using Npgsql;
using Create = CareForAll.Pledges.Features.Pledges.Create;

namespace CareForAll.Pledges.Tests;

/// <summary>Arranges and reads pledges straight in the database, the way the slices write them.</summary>
internal static class PledgeStore
{
    public static async Task<Create.NewPledge> CreateAsync(
        NpgsqlDataSource database, Guid? campaignId = null, Guid? userId = null, string email = "ann@example.org",
        string? name = "Ann", bool anonymous = false, decimal amount = 1500m, DateTimeOffset? at = null)
    {
        var now = at ?? DateTimeOffset.UtcNow;
        var pledge = new Create.NewPledge(Guid.CreateVersion7(now), campaignId ?? Guid.NewGuid(), userId, email, name, amount,
            PledgeAmount.Currency, anonymous, "Get well soon", null, now);
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Create.Data.RecordAsync(connection, transaction, pledge, default);
        await transaction.CommitAsync();
        return pledge;
    }

    public static async Task<(string Status, long Version, long PaymentVersion, string? TranId, DateTime? CompletedAt)> ReadAsync(
        NpgsqlDataSource database, Guid pledgeId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(string, long, long, string?, DateTime?)>(
            "SELECT status, version, payment_version, tran_id, completed_at FROM pledges.pledges WHERE id = @pledgeId",
            new { pledgeId });
    }

    public static async Task SetStatusAsync(NpgsqlDataSource database, Guid pledgeId, string status, DateTimeOffset? completedAt = null)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE pledges.pledges SET status = @status, completed_at = @completedAt WHERE id = @pledgeId",
            new { pledgeId, status, completedAt = completedAt?.UtcDateTime });
    }

    /// <summary>The pledge's outbox events, oldest first.</summary>
    public static async Task<IReadOnlyList<OutboxEvent>> EventsAsync(NpgsqlDataSource database, Guid pledgeId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string EventType, long AggregateVersion, string Data)>(
            "SELECT event_type, aggregate_version, data::text FROM outbox_messages WHERE aggregate_id = @pledgeId ORDER BY id",
            new { pledgeId });
        return [.. rows.Select(r => new OutboxEvent(r.EventType, r.AggregateVersion, JsonDocument.Parse(r.Data).RootElement.Clone()))];
    }

    /// <summary>The pledge's state history, oldest first.</summary>
    public static async Task<IReadOnlyList<HistoryLine>> HistoryAsync(NpgsqlDataSource database, Guid pledgeId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<HistoryLine>(
            """
            SELECT from_status AS FromStatus, to_status AS ToStatus, accepted AS Accepted, reason AS Reason,
                   payment_event_type AS PaymentEventType, payment_version AS PaymentVersion
            FROM pledges.pledge_state_history WHERE pledge_id = @pledgeId ORDER BY id
            """,
            new { pledgeId });
        return [.. rows];
    }
}

internal sealed record OutboxEvent(string EventType, long AggregateVersion, JsonElement Data)
{
    public string? Text(string property) =>
        Data.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}

internal sealed record HistoryLine(string FromStatus, string ToStatus, bool Accepted, string? Reason, string PaymentEventType, long PaymentVersion);
