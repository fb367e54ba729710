namespace CareForAll.Payments.Settlement;

/// <summary>What one transaction's settlement did, counted by the meters once it committed.</summary>
internal sealed class SettlementReport
{
    public List<(string From, string To)> Refused { get; } = [];

    public List<string> RefusalReasons { get; } = [];

    public List<(decimal Amount, string Currency)> Completed { get; } = [];

    public List<string> ReconciliationFixes { get; } = [];

    public List<string> Moves { get; } = [];

    /// <summary>val_ids of paid attempts beyond the one the payment counts: money to give back.</summary>
    public List<string> SecondPayments { get; } = [];

    /// <summary>
    /// Why the validation API's answer is not our payment (status, tran_id, amount or currency), when it is not: a
    /// notification carrying it is rejected, and admins are told.
    /// </summary>
    public string? ValidationMismatch { get; set; }

    /// <summary>Why moves were refused, for the webhook log; null when none was.</summary>
    public string? RefusalSummary => RefusalReasons.Count == 0 ? null : string.Join("; ", RefusalReasons);
}
