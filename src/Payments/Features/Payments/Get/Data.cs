namespace CareForAll.Payments.Features.Payments.Get;

internal sealed class HistoryRow
{
    public string? FromStatus { get; init; }

    public string ToStatus { get; init; } = "";

    public bool Accepted { get; init; }

    public string? Reason { get; init; }

    public string Source { get; init; } = "";

    public string? Actor { get; init; }

    public DateTime CreatedAt { get; init; }
}

internal static class Data
{
    private const string HistorySql = """
        SELECT from_status AS FromStatus, to_status AS ToStatus, accepted AS Accepted, reason AS Reason, source AS Source,
               actor::text AS Actor, created_at AS CreatedAt
        FROM payments.payment_state_history
        WHERE payment_id = @PaymentId
        ORDER BY seq
        """;

    public static async Task<IReadOnlyList<HistoryRow>> HistoryAsync(NpgsqlDataSource database, Guid paymentId, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(HistorySql, new { PaymentId = paymentId }, cancellationToken: ct));
        return rows.AsList();
    }
}
