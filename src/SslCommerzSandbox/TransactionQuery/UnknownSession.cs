using System.Text.Json.Serialization;
using CareForAll.SslCommerzSandbox.Validation;

namespace CareForAll.SslCommerzSandbox.TransactionQuery;

/// <summary>The answer for a session key the store never issued (the real answer is unobserved).</summary>
internal sealed class UnknownSession(string sessionKey)
{
    [JsonPropertyName("APIConnect")]
    public string ApiConnect { get; } = ApiConnectStatus.Done;

    public string Status { get; } = Gateway.TransactionStatus.Invalid;

    public string Sessionkey { get; } = sessionKey;
}
