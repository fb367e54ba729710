using System.Text.Json.Serialization;

namespace CareForAll.Payments.SslCommerz;

/// <summary>The transaction query by tran_id (B 7.2): one element per attempt under that tran_id.</summary>
internal sealed class TransactionQueryResponse
{
    [JsonPropertyName("APIConnect")]
    public string? ApiConnect { get; init; }

    [JsonPropertyName("no_of_trans_found")]
    public int? TransactionsFound { get; init; }

    [JsonPropertyName("element")]
    public IReadOnlyList<TransactionElement>? Elements { get; init; }

    /// <summary>Whether the gateway accepted the query, so "nothing found" can be believed.</summary>
    public bool Answered => GatewayStatus.Normalize(ApiConnect) == GatewayStatus.Done;
}
