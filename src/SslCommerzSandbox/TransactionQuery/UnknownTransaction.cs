namespace CareForAll.SslCommerzSandbox.TransactionQuery;

/// <summary>The lone element reported for a tran_id the store never used (as integrators report the sandbox doing).</summary>
internal sealed record UnknownTransaction(string TranId, string Status);
