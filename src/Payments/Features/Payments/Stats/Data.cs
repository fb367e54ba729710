using CareForAll.Payments.Domain;
using CareForAll.Payments.Refunds;
using ListData = CareForAll.Payments.Features.Payments.List.Data;

namespace CareForAll.Payments.Features.Payments.Stats;

internal static class Data
{
    private const string Counts = $"""
        SELECT status AS Status, count(*) AS Count FROM payments.payments GROUP BY status;

        SELECT count(*) FROM payments.payments WHERE {ListData.HeldCondition};

        SELECT count(*) FILTER (WHERE status = @Requested) AS Requested, count(*) FILTER (WHERE status = @Processing) AS Processing
        FROM payments.refunds
        WHERE status IN (@Requested, @Processing);
        """;

    private static readonly string[] Statuses =
    [
        PaymentStatusNames.Pending, PaymentStatusNames.Authorized, PaymentStatusNames.Captured,
        PaymentStatusNames.Completed, PaymentStatusNames.Failed, PaymentStatusNames.Refunded,
    ];

    public static async Task<Response> ReadAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            Counts, new { Requested = RefundStatus.Requested, Processing = RefundStatus.Processing }, cancellationToken: ct));
        var byStatus = Statuses.ToDictionary(status => status, _ => 0L, StringComparer.Ordinal);
        foreach (var (status, count) in await results.ReadAsync<(string Status, long Count)>())
        {
            byStatus[status] = count;
        }

        var held = await results.ReadSingleAsync<long>();
        var (requested, processing) = await results.ReadSingleAsync<(long Requested, long Processing)>();
        return new Response
        {
            ByStatus = byStatus,
            Held = held,
            RefundsAwaitingAnswer = requested,
            RefundsProcessing = processing,
        };
    }
}
