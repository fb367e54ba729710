using System.Text.Json.Serialization;
using CareForAll.SslCommerzSandbox.Validation;

namespace CareForAll.SslCommerzSandbox.TransactionQuery;

/// <summary>The answer of a query by tran_id; no_of_trans_found is a JSON number, as typed clients expect.</summary>
internal sealed class TranQueryAnswer(IReadOnlyList<object> elements, int found)
{
    [JsonPropertyName("APIConnect")]
    public string ApiConnect { get; } = ApiConnectStatus.Done;

    public int NoOfTransFound { get; } = found;

    public IReadOnlyList<object> Element { get; } = elements;
}
