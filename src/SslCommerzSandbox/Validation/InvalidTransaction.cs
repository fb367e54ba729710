using System.Text.Json.Serialization;
using CareForAll.SslCommerzSandbox.Gateway;

namespace CareForAll.SslCommerzSandbox.Validation;

/// <summary>
/// The answer for an unknown val_id or wrong credentials: only the status and APIConnect, never an empty string
/// where typed clients expect a number or a date.
/// </summary>
internal sealed class InvalidTransaction(string apiConnect)
{
    public string Status { get; } = TransactionStatus.InvalidTransaction;

    [JsonPropertyName("APIConnect")]
    public string ApiConnect { get; } = apiConnect;
}
