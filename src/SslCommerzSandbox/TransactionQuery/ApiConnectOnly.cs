using System.Text.Json.Serialization;

namespace CareForAll.SslCommerzSandbox.TransactionQuery;

/// <summary>An answer that only says APIConnect: FAILED for wrong credentials, INVALID_REQUEST for no known operation.</summary>
internal sealed record ApiConnectOnly([property: JsonPropertyName("APIConnect")] string ApiConnect);
