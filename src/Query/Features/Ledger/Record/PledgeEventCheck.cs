namespace CareForAll.Query.Features.Ledger.Record;

/// <summary>Refuses pledge events whose money the read side cannot count, saying why.</summary>
internal static class PledgeEventCheck
{
    public static string? ProblemWith(PledgeEventData pledge) => pledge switch
    {
        { PledgeId: var id } when id == Guid.Empty => "it has no pledge id",
        { CampaignId: var id } when id == Guid.Empty => "it has no campaign id",
        { Amount: <= 0 } => "its amount is not positive",
        { Amount: > QueryRules.MaxAmount } => "its amount is out of range",
        { Currency: not null and not QueryRules.Currency } => $"its currency is {pledge.Currency}, not {QueryRules.Currency}",
        { UserId: null, DonorEmail: null or "" } => "a guest's pledge without an email has no donor to count",
        _ => null,
    };

    /// <summary>Who counts as one donor: the user id, or a guest's email compared case-insensitively.</summary>
    public static string DonorKey(PledgeEventData pledge) =>
        pledge.UserId is { } userId && userId != Guid.Empty
            ? userId.ToString()
            : NormalizedEmail(pledge);

    public static string NormalizedEmail(PledgeEventData pledge) => (pledge.DonorEmail ?? "").Trim().ToLowerInvariant();
}
