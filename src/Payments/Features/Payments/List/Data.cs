namespace CareForAll.Payments.Features.Payments.List;

/// <summary>A payment as the admin list reads it.</summary>
internal sealed record ListRow(
    Guid Id,
    Guid PledgeId,
    Guid CampaignId,
    string TranId,
    decimal Amount,
    string Currency,
    string Status,
    int? RiskLevel,
    string? PaymentMethod,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    DateTime? RefundedAt,
    bool Held);

internal static class Data
{
    // "Held" is spelled once here so the filter, the flag and the stats agree: a risk-held payment stays captured
    // until an admin releases or rejects it.
    public const string HeldCondition = "(status = 'captured' AND risk_level = 1)";

    // Spelled out per value (not "held = @Held") so that, planned with the value, the held page reads the partial
    // index of held payments.
    private const string Filter = $"""
        WHERE (@Status::text IS NULL OR status = @Status::text)
          AND (@Held::boolean IS NULL
               OR (@Held::boolean AND {HeldCondition})
               OR (NOT @Held::boolean AND NOT COALESCE({HeldCondition}, false)))
        """;

    // Ties on created_at fall back to the id, so pages never overlap.
    private const string SelectPage = $"""
        SELECT id AS Id, pledge_id AS PledgeId, campaign_id AS CampaignId, tran_id AS TranId, amount AS Amount,
               currency AS Currency, status AS Status, risk_level AS RiskLevel, payment_method AS PaymentMethod,
               created_at AS CreatedAt, completed_at AS CompletedAt, refunded_at AS RefundedAt,
               COALESCE({HeldCondition}, false) AS Held
        FROM payments.payments
        {Filter}
        ORDER BY created_at DESC, id DESC
        LIMIT @Limit OFFSET @Offset;

        SELECT count(*) FROM payments.payments
        {Filter};
        """;

    /// <summary>One page of payments, newest first, and how many match in all.</summary>
    public static async Task<(IReadOnlyList<ListRow> Rows, long Total)> ListAsync(
        NpgsqlDataSource database, string? status, bool? held, int page, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SelectPage,
            new { Status = status, Held = held, Limit = limit, Offset = (long)(page - 1) * limit },
            cancellationToken: ct));
        var rows = (await results.ReadAsync<ListRow>()).AsList();
        var total = await results.ReadSingleAsync<long>();
        return (rows, total);
    }
}
